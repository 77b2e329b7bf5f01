package luamod

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// apiReference is where the API reference lives: one source that the
// editor's completion and hover help, the Help panel, the docs site and the
// README's API section all read (docsite and web/src/api.ts).
const apiReference = "../web/src/api.json"

// TestAPIReferenceCoversModule wants the API reference to document exactly
// what a run offers a script beyond Lua's standard library: a function
// added to the engine without an entry fails here, and so does an entry
// for a function the engine lacks.
func TestAPIReferenceCoversModule(t *testing.T) {
	data, err := os.ReadFile(apiReference)
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Sections []struct {
			Entries []struct {
				Name, Type string
				Also       []string
			}
		}
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s: %v", apiReference, err)
	}
	var documented []string
	for _, sec := range ref.Sections {
		for _, e := range sec.Entries {
			for _, name := range append([]string{e.Name}, e.Also...) {
				if e.Type != "" {
					_, method, _ := strings.Cut(name, ":")
					name = e.Type + ":" + method
				}
				documented = append(documented, name)
			}
		}
	}
	slices.Sort(documented)
	if dup := len(documented) - len(slices.Compact(slices.Clone(documented))); dup > 0 {
		t.Errorf("the reference documents %d names twice", dup)
	}
	documented = slices.Compact(documented)
	offered := runSurface(t)
	for _, name := range offered {
		if _, found := slices.BinarySearch(documented, name); !found {
			t.Errorf("the engine offers %s, which %s does not document", name, apiReference)
		}
	}
	for _, name := range documented {
		if _, found := slices.BinarySearch(offered, name); !found {
			t.Errorf("%s documents %s, which the engine does not offer", apiReference, name)
		}
	}
}

// runSurface lists, sorted, what a run's state offers beyond a plain Lua
// state's globals: "goroutine.spawn" for a function of a global table or
// of a module that only require loads, "task" for a global function, and
// "goroutine.channel:send" for a method of a userdata type.
func runSurface(t *testing.T) []string {
	t.Helper()
	opts, err := Options{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	s := newSched(opts, &Recorder{})
	defer s.root.Close()
	plain := lua.NewState()
	defer plain.Close()
	L := s.root
	var names []string
	functions := func(prefix string, tbl *lua.LTable) {
		eachPair(tbl, func(k, v lua.LValue) {
			if _, ok := v.(*lua.LFunction); ok {
				names = append(names, prefix+k.String())
			}
		})
	}
	eachPair(L.G.Global, func(k, v lua.LValue) {
		if plain.GetGlobal(k.String()) != lua.LNil {
			return
		}
		switch v := v.(type) {
		case *lua.LTable:
			functions(k.String()+".", v)
		case *lua.LFunction:
			names = append(names, k.String())
		}
	})
	preload := L.GetField(L.GetGlobal("package"), "preload").(*lua.LTable)
	eachPair(preload, func(k, loader lua.LValue) {
		if L.GetGlobal(k.String()) != lua.LNil {
			return
		}
		L.Push(loader)
		L.Push(k)
		L.Call(1, 1)
		if mod, ok := L.Get(-1).(*lua.LTable); ok {
			functions(k.String()+".", mod)
		}
		L.Pop(1)
	})
	eachPair(L.Get(lua.RegistryIndex).(*lua.LTable), func(_, v lua.LValue) {
		mt, ok := v.(*lua.LTable)
		if !ok {
			return
		}
		name, named := mt.RawGetString("__name").(lua.LString)
		index, indexed := mt.RawGetString("__index").(*lua.LTable)
		if named && indexed {
			functions(string(name)+":", index)
		}
	})
	slices.Sort(names)
	return names
}

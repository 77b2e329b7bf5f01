-- Add before you spawn, Done when a goroutine finishes, Wait until the
-- counter is back at zero: the same rules as Go's sync.WaitGroup.
-- Downloads are simulated with goroutine.sleep.

local files = {
  { name = "logo.png", kb = 120 },
  { name = "report.pdf", kb = 480 },
  { name = "data.csv", kb = 300 },
  { name = "notes.txt", kb = 40 },
  { name = "video.mp4", kb = 300 },
}

local wg = goroutine.wait_group()
local total = 0

for _, f in ipairs(files) do
  wg:add()
  goroutine.spawn(function()
    goroutine.name("get " .. f.name)
    goroutine.sleep(f.kb)          -- 1 KB per millisecond
    total = total + f.kb
    print(string.format("%-10s %4d KB at %4d ms", f.name, f.kb, goroutine.now()))
    wg:done()
  end)
end

wg:wait()
print(string.format("downloaded %d files, %d KB", #files, total))

// A labelled number input for a run option: a valid entry is reported, an
// invalid one is replaced by the value in force.

/** NumberFieldSpec describes one field. */
export interface NumberFieldSpec {
  id: string;
  label: string;
  title: string;
  min: number;
  max: number;
  step: string;
  valid(n: number): boolean;
  /** current is the value in force, put back after an invalid entry. */
  current(): number;
  onChange(n: number): void;
}

/** NumberField is the label (which holds the input) and the input. */
export interface NumberField {
  label: HTMLLabelElement;
  input: HTMLInputElement;
  /** show displays v unless the user is typing in the field. */
  show(v: number): void;
}

/** createNumberField builds the field; the input has the class lp-number. */
export function createNumberField(spec: NumberFieldSpec): NumberField {
  const input = document.createElement("input");
  input.type = "number";
  input.id = spec.id;
  input.className = "lp-number";
  input.min = String(spec.min);
  input.max = String(spec.max);
  input.step = spec.step;
  input.addEventListener("change", () => {
    const n = Number(input.value);
    if (input.value.trim() !== "" && spec.valid(n)) spec.onChange(n);
    else input.value = String(spec.current());
  });
  const label = document.createElement("label");
  label.className = "lp-check";
  label.htmlFor = input.id;
  label.title = spec.title;
  label.append(document.createTextNode(`${spec.label} `), input);
  return {
    label,
    input,
    show(v) {
      if (document.activeElement !== input) input.value = String(v);
    },
  };
}

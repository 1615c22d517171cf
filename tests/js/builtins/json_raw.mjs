// Recorded with Node v24.21.0 (Node v20 has no JSON.rawJSON/JSON.isRawJSON).
const show = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
};
show(() => JSON.rawJSON(''));
show(() => JSON.rawJSON(' 1'));
show(() => JSON.rawJSON('1\n'));
show(() => JSON.rawJSON('{}'));
show(() => JSON.rawJSON('[1]'));
show(() => JSON.rawJSON(Symbol()));
show(() => JSON.rawJSON('1e1000'));
show(() => JSON.rawJSON(12));
show(() => [JSON.rawJSON('null'), Object.isFrozen(JSON.rawJSON('1')), Object.getPrototypeOf(JSON.rawJSON('1'))]);
show(() => JSON.stringify({ a: JSON.rawJSON('12345678901234567890'), b: [JSON.rawJSON('"x"'), JSON.rawJSON('true')] }));
show(() => JSON.stringify(JSON.rawJSON('1'), (k, v) => v));
show(() => JSON.stringify({ x: 1 }, (k, v) => (k === 'x' ? JSON.rawJSON('9e999') : v)));
show(() => JSON.stringify({ toJSON: () => JSON.rawJSON('"\\u0041"') }));
show(() => [JSON.isRawJSON(JSON.rawJSON('1')), JSON.isRawJSON({ rawJSON: '1' }), JSON.isRawJSON(1), JSON.isRawJSON()]);
show(() => JSON.stringify(JSON.rawJSON('1'), null, 2));
show(() => JSON.stringify([JSON.rawJSON('1'), { k: JSON.rawJSON('-0.5e-3') }], null, 2));
show(() => Object.getOwnPropertyDescriptor(JSON.rawJSON('"s"'), 'rawJSON'));
show(() => [JSON.rawJSON.length, JSON.isRawJSON.length]);

// Resolve an imports match, step 1.1.1: a static import of a specifier
// with a null entry fails the graph's loading with the TypeError, so
// nothing runs and the run ends as on any uncaught error.
import 'forbidden';
console.log('not reached');

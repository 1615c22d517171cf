// Recursive calls: fib(30) makes 1,664,079 calls.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log(fib(30));

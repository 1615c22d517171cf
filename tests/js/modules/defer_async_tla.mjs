await 0;
console.log('defer_async_tla evaluated (top-level await)');

console.log('main runs');
require('./lib/loader');

exports.spread = 'spread';

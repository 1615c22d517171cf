exports.extra = 'lost';
module.exports = function replaced() { return 'replaced'; };

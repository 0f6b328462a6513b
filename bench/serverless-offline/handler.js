'use strict';
module.exports.hello = async () => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json', 'X-Custom-Header': 'application/json' },
  body: JSON.stringify({ message: 'hello world' }),
});

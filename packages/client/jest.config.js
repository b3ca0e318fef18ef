// The shared preset without its global setup: the client's tests need no database.
const { globalSetup: _database, ...preset } = require("../../jest.preset.js");

module.exports = preset;

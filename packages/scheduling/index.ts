// The availability engine (pure functions, no I/O) arrives with the scheduling issue;
// this package holds its test setup until then.
export {};

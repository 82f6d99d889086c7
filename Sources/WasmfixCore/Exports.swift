// WasmfixCore is the pipeline on top of the stages; importing it brings every stage's API
// (the command line and library users need only this import).
@_exported import WasmfixFixing
@_exported import WasmfixReporting

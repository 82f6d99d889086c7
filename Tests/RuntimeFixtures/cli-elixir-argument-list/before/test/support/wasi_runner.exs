defmodule WasiRunner do
  @moduledoc "Runs compiled guests under the wasmtime CLI for the integration tests."

  @engine_args ["-W", "max-wasm-stack=134217728", "-W", "async-stack-size=2097152"]

  def run(wasm, args \\ []) do
    System.cmd("wasmtime", ["run" | @engine_args] ++ ["--dir", ".", wasm | args],
      stderr_to_stdout: true
    )
  end
end

// A test-side stand-in for the wasmtime-dotnet binding (namespace Wasmtime), for the C# runtime
// tests in Tests/WasmfixCLITests/RuntimeTests.swift: there is no .NET SDK or NuGet here, so
// fixture programs are compiled with mono's `mcs` against this file instead of the package.
//
// `Config` records the settings through the builder methods wasmfix knows
// (`WithMaximumStackSize`, `WithAsyncStackSize`, `WithAsync`), and `Engine`'s constructor
// hands them to the REAL Wasmtime C library, as wasmtime-dotnet does: a rejected config makes
// `wasm_engine_new_with_config` panic inside Rust, which aborts the whole process with
// "max_wasm_stack size cannot exceed the async_stack_size" on stderr.
//
// The library path comes from `WasmtimeLibrary.Path`, a constant the test writes next to this
// file (DllImport needs a compile-time constant).
using System;
using System.Runtime.InteropServices;

namespace Wasmtime
{
    public class Config
    {
        internal int? MaximumStackSize;
        internal ulong? AsyncStackSize;
        internal bool? Async;

        public Config WithMaximumStackSize(int size)
        {
            MaximumStackSize = size;
            return this;
        }

        public Config WithAsyncStackSize(ulong size)
        {
            AsyncStackSize = size;
            return this;
        }

        public Config WithAsync(bool enable)
        {
            Async = enable;
            return this;
        }
    }

    public class Engine : IDisposable
    {
        private IntPtr handle;

        public Engine() : this(new Config()) { }

        public Engine(Config config)
        {
            IntPtr native = Native.wasm_config_new();
            // wasmtime_config_async_support_set exists in the C API up to 41.x only; calling it
            // against a newer library throws EntryPointNotFoundException, as it would for real.
            if (config.Async.HasValue) Native.wasmtime_config_async_support_set(native, config.Async.Value);
            if (config.MaximumStackSize.HasValue)
            {
                if (config.MaximumStackSize.Value < 0)
                    throw new ArgumentOutOfRangeException("size", "WithMaximumStackSize: negative stack size");
                Native.wasmtime_config_max_wasm_stack_set(native, (UIntPtr)(ulong)config.MaximumStackSize.Value);
            }
            if (config.AsyncStackSize.HasValue) Native.wasmtime_config_async_stack_size_set(native, config.AsyncStackSize.Value);
            handle = Native.wasm_engine_new_with_config(native);
            if (handle == IntPtr.Zero) throw new InvalidOperationException("wasm_engine_new_with_config returned NULL");
        }

        public void Dispose()
        {
            if (handle != IntPtr.Zero)
            {
                Native.wasm_engine_delete(handle);
                handle = IntPtr.Zero;
            }
        }

        private static class Native
        {
            [DllImport(WasmtimeLibrary.Path)]
            public static extern IntPtr wasm_config_new();

            [DllImport(WasmtimeLibrary.Path)]
            public static extern IntPtr wasm_engine_new_with_config(IntPtr config);

            [DllImport(WasmtimeLibrary.Path)]
            public static extern void wasm_engine_delete(IntPtr engine);

            [DllImport(WasmtimeLibrary.Path)]
            public static extern void wasmtime_config_max_wasm_stack_set(IntPtr config, UIntPtr size);

            [DllImport(WasmtimeLibrary.Path)]
            public static extern void wasmtime_config_async_stack_size_set(IntPtr config, ulong size);

            [DllImport(WasmtimeLibrary.Path)]
            public static extern void wasmtime_config_async_support_set(IntPtr config, [MarshalAs(UnmanagedType.U1)] bool enable);
        }
    }
}

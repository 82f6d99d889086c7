#!/usr/bin/env python3
"""Independent check of Wasmtime CLI command lines against the real Wasmtime C library.

The PyPI wheels ship the C library but no `wasmtime` executable, so this applies the CLI's
documented rules for a version (read from bytecodealliance/wasmtime at the release tags:
crates/cli-flags/src/lib.rs and opt.rs, src/commands/run.rs, src/old_cli.rs) to the command
lines found in files, and creates the engine through the C library with the values the CLI
would pass. It shares no code with wasmfix: extraction uses Python's shlex, xml.etree, ast and
tomllib; the rules are written here again.

    cli_engine_check.py --library libwasmtime.so --cli-version 25.0.1 FILE...

Prints one line per command (`path: accepted|rejected: why (max=… async=… async=on|off)`) and
exits 0 when every command is accepted, 1 when one is rejected, 2 when no command is found.
The engine's own rule did not change between 25.0.0 and 25.0.1 (only the CLI did), so a 25.0.1
CLI is emulated with the 25.0.0 library.
"""
import argparse, ast, ctypes, os, re, shlex, subprocess, sys, tomllib
import xml.etree.ElementTree as ET

KIB, MIB = 1024, 1024 * 1024


def version(text):
    return tuple(int(x) for x in text.strip().lstrip("v").split(".")[:3])


# --- extraction (each returns lists of argv tokens, and TOML files named by --config) ---

def logical_lines(text):
    """Shell/Make/YAML text as logical lines: backslash-newline joined, comments dropped."""
    joined = re.sub(r"\\\r?\n", " ", text)
    return [line for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


def shell_commands(text, variables):
    commands = []
    for line in logical_lines(text):
        line = line.strip()
        if line.startswith("run:"):
            line = line[4:].strip()
        if "wasm-stack" not in line and "async-stack-size" not in line:
            m = re.match(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*(\S+)$", line)
            if m:
                variables[m.group(1)] = m.group(2).strip("\"'")
            m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*):\s*(\d+)\s*$", line)  # workflow env:
            if m:
                variables[m.group(1)] = m.group(2)
            continue
        line = re.sub(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", r"${\1}", line)  # Make $(VAR)
        try:
            tokens = shlex.split(line, comments=True)
        except ValueError:
            continue
        commands.append([expand(t, variables) for t in tokens])
    return commands


def expand(token, variables):
    def sub(m):
        name = m.group(1) or m.group(2)
        return variables.get(name, os.environ.get(name, m.group(0)))
    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)", sub, token)


def msbuild_commands(path):
    """Property text in document order; `$(Name)` expands to the property so far."""
    properties, order = {}, []
    for element in ET.parse(path).iter():
        if element.text is None or len(list(element)):
            continue
        name = element.tag
        value = re.sub(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", lambda m: properties.get(m.group(1), ""), element.text)
        properties[name] = value
        if name not in order:
            order.append(name)
    commands = []
    for name in order:
        text = properties[name]
        if "wasm-stack" in text or "async-stack-size" in text:
            commands.append(shlex.split(text))
    return commands


def python_commands(path):
    """Lists of string constants that mention a stack option, and strings that are command fragments."""
    commands = []
    for node in ast.walk(ast.parse(open(path).read())):
        if isinstance(node, ast.List) and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            values = [e.value for e in node.elts]
            if any("wasm-stack" in v or "async-stack-size" in v for v in values):
                commands.append(values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value and "wasm-stack" in node.value:
            commands.append(shlex.split(node.value))
    return commands


def commands_in(path, variables):
    name = os.path.basename(path)
    if name.endswith((".targets", ".props", ".csproj", ".proj")):
        return msbuild_commands(path)
    if name.endswith(".py"):
        return python_commands(path)
    if name.endswith(".toml"):
        return [["--config", path]]
    return shell_commands(open(path).read(), variables)


# --- the CLI's rules -------------------------------------------------------------------

def parse_size(text, cli):
    text = text.strip()
    if cli >= (26, 0, 0):
        text = text.replace("_", "")
    if cli >= (20, 0, 0) and text.startswith("0x"):
        return int(text[2:], 16)
    if not text.isdigit():
        raise ValueError(f"invalid digit found in string: {text!r}")
    return int(text)


def cli_values(argv, cli, folder):
    """(max, async, async_on, error) as the CLI of version `cli` would configure the engine."""
    # dotnet XHarness forwards each --engine-arg value to wasmtime.
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("--engine-arg="):
            args.append(a[len("--engine-arg="):])
        elif a == "--engine-arg" and i + 1 < len(argv):
            args.append(argv[i + 1]); i += 1
        else:
            args.append(a)
        i += 1
    options, toml_file, subcommand = {}, None, "run"
    if "serve" in args:
        subcommand = "serve"
    i = 0
    while i < len(args):
        a = args[i]
        entry = None
        if a in ("-W", "--wasm") and i + 1 < len(args):
            entry = args[i + 1]; i += 1
        elif a.startswith("--wasm="):
            entry = a[len("--wasm="):]
        elif a.startswith("-W") and len(a) > 2:
            entry = a[2:].lstrip("=")
        elif a in ("--max-wasm-stack",) and i + 1 < len(args):
            legacy_ok = (3, 0, 0) <= cli < (14, 0, 0) or (14, 0, 3) <= cli < (22, 0, 0)
            if not legacy_ok:
                return None, None, None, "unexpected argument '--max-wasm-stack'"
            options["max-wasm-stack"] = parse_size(args[i + 1], (0, 0, 0)); i += 1
        elif a.startswith("--max-wasm-stack="):
            legacy_ok = (3, 0, 0) <= cli < (14, 0, 0) or (14, 0, 3) <= cli < (22, 0, 0)
            if not legacy_ok:
                return None, None, None, "unexpected argument '--max-wasm-stack'"
            options["max-wasm-stack"] = parse_size(a.split("=", 1)[1], (0, 0, 0))
        elif a == "--config" and i + 1 < len(args):
            toml_file = args[i + 1]; i += 1
        if entry is not None:
            if cli < (14, 0, 0):
                return None, None, None, f"unexpected argument '-W'"
            for part in entry.split(","):
                key, _, value = part.partition("=")
                if key not in ("max-wasm-stack", "async-stack-size"):
                    continue
                if key == "async-stack-size" and cli < (25, 0, 1):
                    return None, None, None, "unknown -W / --wasm option: async-stack-size"
                try:
                    options[key] = parse_size(value, cli)
                except ValueError as error:
                    return None, None, None, str(error)
        i += 1
    if toml_file:
        if cli < (30, 0, 0):
            return None, None, None, "no TOML --config before 30.0.0"
        path = toml_file if os.path.isabs(toml_file) else os.path.join(folder, toml_file)
        table = tomllib.load(open(path, "rb")).get("wasm", {})
        for key in ("max-wasm-stack", "async-stack-size"):
            if key in table and key not in options:  # -W overrides the file key by key
                options[key] = table[key]
    max_stack = options.get("max-wasm-stack")
    async_stack = options.get("async-stack-size")
    if max_stack is not None and async_stack is None and cli >= (25, 0, 1):
        async_stack = max_stack + 512 * KIB  # DEFAULT_HOST_STACK
    async_on = subcommand == "serve" or cli >= (25, 0, 0)
    return max_stack, async_stack, async_on, None


# --- the engine, in a child process (a rejected config aborts it) ------------------------

def engine_child(library, max_stack, async_stack, async_on):
    lib = ctypes.CDLL(library)
    lib.wasm_config_new.restype = ctypes.c_void_p
    lib.wasm_engine_new_with_config.restype = ctypes.c_void_p
    lib.wasm_engine_new_with_config.argtypes = [ctypes.c_void_p]
    lib.wasm_engine_delete.argtypes = [ctypes.c_void_p]
    config = lib.wasm_config_new()
    if max_stack is not None:
        lib.wasmtime_config_max_wasm_stack_set.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        lib.wasmtime_config_max_wasm_stack_set(config, max_stack)
    if async_on and hasattr(lib, "wasmtime_config_async_support_set"):
        lib.wasmtime_config_async_support_set.argtypes = [ctypes.c_void_p, ctypes.c_bool]
        lib.wasmtime_config_async_support_set(config, True)
    if async_stack is not None:
        lib.wasmtime_config_async_stack_size_set.argtypes = [ctypes.c_void_p, ctypes.c_uint64]
        lib.wasmtime_config_async_stack_size_set(config, async_stack)
    engine = lib.wasm_engine_new_with_config(config)
    lib.wasm_engine_delete(engine)
    print("engine created")


def engine_accepts(library, max_stack, async_stack, async_on):
    args = [sys.executable, __file__, "--engine-child", library, str(max_stack), str(async_stack), str(int(async_on))]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode == 0 and "engine created" in result.stdout:
        return True, ""
    message = (result.stdout + result.stderr).strip().splitlines()
    reason = next((l for l in message if "max_wasm_stack" in l or "stack" in l), message[-1] if message else f"exit {result.returncode}")
    return False, reason


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--engine-child":
        _, _, library, max_s, async_s, on = sys.argv
        engine_child(library, None if max_s == "None" else int(max_s), None if async_s == "None" else int(async_s), on == "1")
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", required=True)
    parser.add_argument("--cli-version", required=True)
    parser.add_argument("files", nargs="+")
    options = parser.parse_args()
    cli = version(options.cli_version)
    found, rejected = 0, False
    for path in options.files:
        variables = {}
        text = open(path).read() if not path.endswith(".toml") else ""
        # A workflow's setup action names the CLI it installs.
        m = re.search(r"wasmtime/setup@\S+\s+with:\s+version:\s*[\"']?v?([0-9.]+)", text)
        file_cli = version(m.group(1)) if m else cli
        for argv in commands_in(path, variables):
            found += 1
            max_s, async_s, async_on, error = cli_values(argv, file_cli, os.path.dirname(path))
            if error:
                rejected = True
                print(f"{path}: rejected: the CLI refuses the command line: {error}")
                continue
            ok, why = engine_accepts(options.library, max_s, async_s, async_on)
            rejected |= not ok
            state = "accepted" if ok else f"rejected: {why}"
            print(f"{path}: {state} (max={max_s} async={async_s} async={'on' if async_on else 'off'})")
    if found == 0:
        print("no wasmtime command line found", file=sys.stderr)
        return 2
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())

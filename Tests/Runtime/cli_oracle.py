#!/usr/bin/env python3
"""Independent oracle for Wasmtime *CLI* stack-size configurations written in files.

The PyPI wheels ship Wasmtime's C library but no `wasmtime` executable, so this script
applies the CLI's own semantics (read from Wasmtime's source at the release tags, see
SEMANTICS below) to every wasmtime command line it finds in a file, then creates the engine
the CLI would create through the real C library (ctypes, in a child process: a rejected
configuration aborts the process) and reports what the library says.

It shares no code with wasmfix on purpose: it is the second opinion the runtime tests
(Tests/WasmfixCLITests/CLIRuntimeTests.swift) check wasmfix's `--write` against.

Usage:
  cli_oracle.py --cli-version 25.0.1 --lib ~/.cache/wasmfix/wasmtime/25.0.0/libwasmtime.so \
                --file eng/testing/tests.wasi.targets [--file ...] [--root DIR] [--kind KIND]
  cli_oracle.py --self-test          table-driven checks of the flag semantics (no library)

Output, one line per command line found (stdout):
  path:line: accepted|rejected|unresolved: reason (max=N async=N async_on=bool)
Notes (which library stands in for which CLI version, version overrides) go to stderr.
Exit status: 0 all accepted; 1 any rejected; 2 usage error, no command line found, a value
the oracle cannot resolve, or a library that cannot stand in for the CLI version.

SEMANTICS (verified with `git show <tag>:<file>` in bytecodealliance/wasmtime):
  * CLI <= 13: `--max-wasm-stack N|=N` (clap long flag, `Option<usize>`: decimal only);
    no -W. `run` is synchronous; there is no `serve`.
    (v13.0.0:crates/cli-flags/src/lib.rs CommonOptions::max_wasm_stack)
  * CLI >= 14.0.0: `-W/--wasm KEY[=VAL][,KEY[=VAL]...]` (v14.0.0:crates/cli-flags/src/lib.rs
    `#[clap(short = 'W', long = "wasm")] wasm_raw: Vec<CommaSeparated<Wasm>>`; opt.rs splits on
    ',' then on the first '='; an unknown key fails with "unknown -W / --wasm option: KEY").
    Arguments after the module belong to the guest (run.rs `trailing_var_arg`).
  * numbers (opt.rs `impl WasmtimeOptionValue for usize`): decimal (Rust `usize::from_str`)
    14.0.0-19.x; `0x` hex from 20.0.0; `_` removed before parsing from 26.0.0 (#9332,
    IGNORED_NUMBER_CHARS).
  * old `--max-wasm-stack` on >= 14: rejected by 14.0.0-14.0.2; accepted 14.0.3-21.x through the
    Wasmtime 13 compatibility parser (v14.0.3:src/old_cli.rs, src/bin/wasmtime.rs `old_cli`,
    default feature `old-cli`) when the whole line parses as an old command line and
    WASMTIME_NEW_CLI is not 1; removed in 22.0.0 (#8597).
  * async: `serve` calls `config.async_support(true)` from 14.0.0 (src/commands/serve.rs);
    `run` from 25.0.0 (v25.0.0:src/commands/run.rs RunCommand::execute, #9184). Other
    subcommands (compile, explore, wast <= 40) stay synchronous.
  * `-W async-stack-size=N` from 25.0.1 (#9302 backported); when max-wasm-stack is given and
    async-stack-size is not, the CLI sets async = max + 512 KiB (`DEFAULT_HOST_STACK`,
    v25.0.1:crates/cli-flags/src/lib.rs CommonOptions::config).
  * `--config FILE` (TOML, `[wasm]` kebab-case keys, deny_unknown_fields) from 30.0.0; CLI flags
    override the file key by key (v30.0.0:crates/cli-flags/src/lib.rs CommonOptions::configure).
  * engine rule: reject max_wasm_stack > async_stack_size when async_support is on
    (12.0.0-41.x, crates/wasmtime/src/config.rs Config::validate), always from 42.0.0 in a
    build with async (the CLI's). Defaults: max 512 KiB, async 2 MiB.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import shlex
import subprocess
import sys
import tomllib
import xml.parsers.expat
from dataclasses import dataclass, field

KIB = 1024
MIB = 1024 * KIB
DEFAULT_MAX = 512 * KIB
DEFAULT_ASYNC = 2 * MIB
HOST_STACK = 512 * KIB
USIZE_MAX = (1 << 64) - 1

# Flags (of any CLI version) whose value is the next argument when not attached with '='.
VALUE_FLAGS = {
    "-W", "--wasm", "-O", "--optimize", "-C", "--codegen", "-D", "--debug", "-S", "--wasi",
    "--dir", "--env", "--invoke", "--preload", "--profile", "--config", "--target", "--argv0",
    "--addr", "--mapdir", "--max-wasm-stack", "--fuel", "--wasm-features", "--wasi-modules",
    "--cranelift-set", "--opt-level", "--tcplisten", "--allow-unknown-exports-x",
    "--wasm-timeout", "--output", "-o", "--emit-clif", "--cache-config",
}
NEW_GROUP_FLAGS = {"-W", "--wasm", "-O", "--optimize", "-C", "--codegen", "-D", "--debug", "-S", "--wasi"}
NON_ENGINE = {"config", "settings", "help", "--version", "-V", "--help", "-h"}
STACK_HINTS = ("max-wasm-stack", "async-stack-size")


def parse_version(text: str) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"v?(\d+)\.(\d+)\.(\d+)", text.strip())
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def vstr(v: tuple[int, int, int]) -> str:
    return "%d.%d.%d" % v


# ----------------------------------------------------------------------------------------
# Command lines and their evaluation against one CLI version

@dataclass
class CommandLine:
    path: str
    line: int
    args: list[str]            # the wasmtime arguments (after the `wasmtime` word)
    implicit: str | None = None  # subcommand when the words are engine args only (xharness, lists, TOML)
    version: tuple[int, int, int] | None = None  # per-line override (workflow setup step)
    env: dict[str, str] = field(default_factory=dict)  # environment assignments on the line
    base_dir: str = "."        # where a relative --config FILE is looked up first
    toml_file: str | None = None  # a TOML file evaluated as `wasmtime run --config FILE`


@dataclass
class Verdict:
    status: str                # accepted | rejected | unresolved
    reason: str
    max: int | None = None     # explicit values the CLI would pass to the engine (None: default)
    async_: int | None = None
    async_on: bool = False
    subcommand: str = "run"
    probe: bool = False        # whether the engine still has to be created


def parse_usize(text: str, version: tuple[int, int, int], old_flag: bool = False) -> int:
    """The CLI's number parsing for `version`; raises ValueError with the CLI's kind of message."""
    s = text
    if old_flag:
        # clap `Option<usize>`: Rust usize::from_str.
        if not re.fullmatch(r"\+?[0-9]+", s):
            raise ValueError("invalid digit found in string")
    else:
        if version >= (26, 0, 0):
            s = s.replace("_", "")
        if version >= (20, 0, 0) and s.startswith("0x"):
            hex_part = s[2:]
            if not re.fullmatch(r"\+?[0-9A-Fa-f]+", hex_part):
                raise ValueError("invalid digit found in string")
            value = int(hex_part, 16)
            if value > USIZE_MAX:
                raise ValueError("number too large to fit in target type")
            return value
        if not re.fullmatch(r"\+?[0-9]+", s):
            raise ValueError("invalid digit found in string" if s else "cannot parse integer from empty string")
    value = int(s, 10)
    if value > USIZE_MAX:
        raise ValueError("number too large to fit in target type")
    return value


UNRESOLVED = re.compile(r"\$\{\{|\$\{|\$\(|\$[A-Za-z_]|<expr>|#\{|%[A-Za-z_]+%")


def load_toml(path: str, version: tuple[int, int, int]) -> tuple[dict, str | None]:
    """The `[wasm]` stack keys of a CLI TOML config; (values, error)."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        return {}, "failed to read config file: %s" % e
    except tomllib.TOMLDecodeError as e:
        return {}, "failed to parse TOML config file: %s" % e
    wasm = data.get("wasm", {})
    if not isinstance(wasm, dict):
        return {}, "failed to parse TOML config file: `wasm` is not a table"
    result = {}
    for key in STACK_HINTS:
        if key not in wasm:
            continue
        value = wasm[key]
        if key == "async-stack-size" and version < (25, 0, 1):
            return {}, "failed to parse TOML config file: unknown field `async-stack-size`"
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > USIZE_MAX:
            return {}, "failed to parse TOML config file: %s = %r is not a usize" % (key, value)
        result[key] = value
    return result, None


def find_config(name: str, cmd: CommandLine, root: str) -> str | None:
    candidates = [name] if os.path.isabs(name) else [
        os.path.join(cmd.base_dir, name), os.path.join(root, name), name]
    for c in candidates:
        if os.path.isfile(c):
            return c
    return None


def evaluate(cmd: CommandLine, version: tuple[int, int, int], root: str = ".") -> Verdict | None:
    """What the `version` CLI does with `cmd` up to engine creation; None: no engine is created."""
    args = list(cmd.args)
    new_cli = version >= (14, 0, 0)
    # Subcommand.
    if cmd.implicit:
        sub = cmd.implicit
    elif args and args[0] in ("run", "serve", "compile", "explore", "wast", "config", "settings", "help"):
        sub = args.pop(0)
    else:
        sub = "run"
    if sub in NON_ENGINE or any(a in ("--version", "-V", "--help", "-h") for a in args[:1]):
        return None
    if not cmd.implicit and not args and sub == "run":
        return None  # `which wasmtime`, `wasmtime` alone: no module, no engine
    if sub == "serve" and not new_cli:
        return Verdict("rejected", "the %s CLI has no `serve` subcommand (added in 14.0.0)" % vstr(version), subcommand=sub)

    flags: dict[str, tuple[str, bool]] = {}   # key -> (raw value, from old flag)
    config_file: str | None = cmd.toml_file
    used_old_flag = False
    used_new_group = False
    positional = 0
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            break
        if not a.startswith("-") or a == "-":
            positional += 1
            if new_cli or positional >= 2:
                break  # the rest belongs to the guest
            i += 1
            continue
        # -W / --wasm in all spellings.
        m = re.fullmatch(r"(-W|--wasm)(?:=(.*))?", a) or re.fullmatch(r"(-W)(.+)", a)
        if m:
            used_new_group = True
            if not new_cli:
                return Verdict("rejected", "unknown flag `%s` (the %s CLI has no -W/--wasm; they arrived in 14.0.0)" % (m.group(1), vstr(version)), subcommand=sub)
            value = m.group(2)
            if value is None:
                if i + 1 >= len(args):
                    if cmd.implicit:  # a fragment (a list, a property) may be continued elsewhere
                        return Verdict("unresolved", "`%s` ends the argument list; its value is elsewhere" % a, subcommand=sub)
                    return Verdict("rejected", "`%s` needs a value" % a, subcommand=sub)
                value = args[i + 1]
                i += 1
            for item in value.split(","):
                key, eq, val = item.partition("=")
                if UNRESOLVED.search(key):
                    return Verdict("unresolved", "-W item `%s` is not a literal" % item, subcommand=sub)
                if key not in STACK_HINTS:
                    continue  # not a stack option; validity of other keys is out of scope
                if key == "async-stack-size" and version < (25, 0, 1):
                    return Verdict("rejected", "unknown flag: unknown -W / --wasm option: async-stack-size (added in 25.0.1)", subcommand=sub)
                if not eq:
                    return Verdict("rejected", "failed to parse -W option `%s`: expected a value" % item, subcommand=sub)
                flags[key] = (val, False)
            i += 1
            continue
        m = re.fullmatch(r"--max-wasm-stack(?:=(.*))?", a)
        if m:
            used_old_flag = True
            value = m.group(1)
            if value is None:
                if i + 1 >= len(args):
                    return Verdict("rejected", "`--max-wasm-stack` needs a value", subcommand=sub)
                value = args[i + 1]
                i += 1
            flags["max-wasm-stack"] = (value, True)
            i += 1
            continue
        m = re.fullmatch(r"--config(?:=(.*))?", a)
        if m and new_cli:
            if version < (30, 0, 0):
                return Verdict("rejected", "unknown flag `--config` (a TOML config file needs the 30.0.0 CLI)", subcommand=sub)
            value = m.group(1)
            if value is None:
                if i + 1 >= len(args):
                    return Verdict("rejected", "`--config` needs a value", subcommand=sub)
                value = args[i + 1]
                i += 1
            config_file = value
            i += 1
            continue
        if a in NEW_GROUP_FLAGS or re.match(r"-[OCDS].", a) or re.match(r"--(optimize|codegen|debug|wasi)=", a):
            used_new_group = True
        if a in VALUE_FLAGS:
            i += 1
        i += 1

    # The old flag on a new CLI.
    if used_old_flag and new_cli:
        if version < (14, 0, 3):
            return Verdict("rejected", "unknown flag `--max-wasm-stack` (the %s CLI has only -W max-wasm-stack; the Wasmtime 13 compatibility parser arrived in 14.0.3)" % vstr(version), subcommand=sub)
        if version >= (22, 0, 0):
            return Verdict("rejected", "unknown flag `--max-wasm-stack` (the %s CLI removed the Wasmtime 13 compatibility parser in 22.0.0, #8597; use -W max-wasm-stack=N)" % vstr(version), subcommand=sub)
        if cmd.env.get("WASMTIME_NEW_CLI") == "1":
            return Verdict("rejected", "unknown flag `--max-wasm-stack` (WASMTIME_NEW_CLI=1 selects the new parser)", subcommand=sub)
        if used_new_group or sub == "serve" or config_file:
            return Verdict("rejected", "unknown flag `--max-wasm-stack`: the line mixes the old flag with new-CLI syntax, so neither parser accepts it", subcommand=sub)
        # Parsed by the Wasmtime 13 parser: a synchronous run.
        old_parser = True
    else:
        old_parser = not new_cli

    # Values: TOML first, flags override key by key.
    values: dict[str, int] = {}
    if cmd.toml_file and version < (30, 0, 0):
        return Verdict("rejected", "the %s CLI reads no TOML config (`--config FILE` arrived in 30.0.0)" % vstr(version), subcommand=sub)
    if config_file:
        path = config_file if cmd.toml_file else find_config(config_file, cmd, root)
        if path is None:
            return Verdict("unresolved", "config file `%s` not found" % config_file, subcommand=sub)
        toml_values, error = load_toml(path, version)
        if error:
            return Verdict("rejected", error, subcommand=sub)
        values.update(toml_values)
    for key, (raw, old) in flags.items():
        if UNRESOLVED.search(raw):
            return Verdict("unresolved", "%s=%s is not a literal" % (key, raw), subcommand=sub)
        try:
            values[key] = parse_usize(raw, version, old_flag=old)
        except ValueError as e:
            flag = "--max-wasm-stack" if old else "-W"
            return Verdict("rejected", "failed to parse %s option `%s=%s`: %s" % (flag, key, raw, e), subcommand=sub)

    max_ = values.get("max-wasm-stack")
    async_ = values.get("async-stack-size")
    derived = False
    if max_ is not None and async_ is None and version >= (25, 0, 1) and not old_parser:
        async_ = max_ + HOST_STACK
        derived = True
    if old_parser:
        async_on = False
    elif sub == "serve":
        async_on = True
    elif sub == "run":
        async_on = version >= (25, 0, 0)
    else:
        async_on = False
    v = Verdict("accepted", "", max=max_, async_=async_, async_on=async_on, subcommand=sub, probe=True)
    notes = []
    if old_parser and new_cli:
        notes.append("old flag accepted by the Wasmtime 13 compatibility parser")
    if derived:
        notes.append("async derived as max + 512 KiB")
    v.reason = "; ".join(notes)
    return v


# ----------------------------------------------------------------------------------------
# The engine, through the real C library

def probe_main(argv: list[str]) -> int:
    """Child process: create the engine; an abort here is the library's rejection."""
    p = argparse.ArgumentParser(prog="cli_oracle.py --probe")
    p.add_argument("--lib", required=True)
    p.add_argument("--max", type=int)
    p.add_argument("--async-size", type=int)
    p.add_argument("--async-on", type=int, default=0)
    a = p.parse_args(argv)
    lib = ctypes.CDLL(a.lib)
    lib.wasm_config_new.restype = ctypes.c_void_p
    lib.wasm_config_new.argtypes = []
    lib.wasm_engine_new_with_config.restype = ctypes.c_void_p
    lib.wasm_engine_new_with_config.argtypes = [ctypes.c_void_p]
    lib.wasm_engine_delete.restype = None
    lib.wasm_engine_delete.argtypes = [ctypes.c_void_p]
    config = lib.wasm_config_new()
    if a.max is not None:
        f = lib.wasmtime_config_max_wasm_stack_set
        f.restype = None
        f.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        f(config, a.max)
    if a.async_on:
        if not hasattr(lib, "wasmtime_config_async_support_set"):
            print("probe: the library has no wasmtime_config_async_support_set", file=sys.stderr)
            return 3
        f = lib.wasmtime_config_async_support_set
        f.restype = None
        f.argtypes = [ctypes.c_void_p, ctypes.c_bool]
        f(config, True)
    if a.async_size is not None:
        if not hasattr(lib, "wasmtime_config_async_stack_size_set"):
            print("probe: the library has no wasmtime_config_async_stack_size_set", file=sys.stderr)
            return 3
        f = lib.wasmtime_config_async_stack_size_set
        f.restype = None
        # uint64_t until 44.x, size_t from 45.0.0: the same 64-bit argument on x86_64.
        f.argtypes = [ctypes.c_void_p, ctypes.c_uint64]
        f(config, a.async_size)
    engine = lib.wasm_engine_new_with_config(config)  # takes ownership of config
    if not engine:
        print("probe: wasm_engine_new_with_config returned NULL", file=sys.stderr)
        return 4
    lib.wasm_engine_delete(engine)
    print("engine created")
    return 0


ERROR_PATTERNS = [
    re.compile(r"Err` value: (.*)"),
    re.compile(r"(max_wasm_stack size cannot [a-z_ ]+)"),
    re.compile(r"(wasm stack size cannot [a-z ]+)"),
]


def probe(lib: str, lib_v: tuple[int, int, int], v: Verdict) -> tuple[bool, str]:
    # 42.0.0+ libraries have no async_support knob (the check always runs): nothing to turn on.
    async_on = v.async_on and lib_v < (42, 0, 0)
    cmd = [sys.executable, os.path.abspath(__file__), "--probe", "--lib", lib, "--async-on", "1" if async_on else "0"]
    if v.max is not None:
        cmd += ["--max", str(v.max)]
    if v.async_ is not None:
        cmd += ["--async-size", str(v.async_)]
    env = dict(os.environ, RUST_BACKTRACE="0")
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    if r.returncode == 0 and "engine created" in r.stdout:
        return True, "engine created"
    text = r.stderr + r.stdout
    for pat in ERROR_PATTERNS:
        m = pat.search(text)
        if m:
            return False, m.group(1).strip()
    if r.returncode in (3, 4):
        raise OracleError(text.strip())
    how = "killed by signal %d" % -r.returncode if r.returncode < 0 else "exit %d" % r.returncode
    return False, "engine creation failed (%s): %s" % (how, text.strip()[-300:])


class OracleError(Exception):
    pass


def library_version(lib: str, explicit: str | None) -> tuple[int, int, int]:
    if explicit:
        v = parse_version(explicit)
        if not v:
            raise OracleError("--lib-version %r is not X.Y.Z" % explicit)
        return v
    for part in reversed(os.path.abspath(lib).split(os.sep)):
        v = parse_version(part)
        if v:
            return v
    raise OracleError("cannot tell the library's Wasmtime version from %s: pass --lib-version" % lib)


def check_stand_in(cli: tuple[int, int, int], lib: tuple[int, int, int], async_on: bool) -> str | None:
    """None when the `lib` C library enforces the same engine rule as the `cli` CLI, else why not."""
    if cli < (12, 0, 0):
        return ("CLI %s is not emulated: before 12.0.0 the engine rule depended on the Cargo features "
                "the CLI was built with (config.rs validate checked cfg(feature = \"async\") only)" % vstr(cli))
    if (12, 0, 0) <= cli < (42, 0, 0):
        if not ((12, 0, 0) <= lib < (42, 0, 0)):
            return ("the %s C library cannot stand in for the %s CLI: 12.0.0-41.x check max <= async only "
                    "when async_support is on; use a 14.0.0-41.x library" % (vstr(lib), vstr(cli)))
        if async_on and lib < (14, 0, 0):
            return "the %s C library has no async C API (14.0.0+) to emulate the async %s CLI" % (vstr(lib), vstr(cli))
        return None
    if lib < (42, 0, 0):
        return ("the %s C library cannot stand in for the %s CLI: from 42.0.0 the check runs without an "
                "async_support knob; use a 42.0.0+ library" % (vstr(lib), vstr(cli)))
    return None


# ----------------------------------------------------------------------------------------
# Extraction: shell-like text

SHELL_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")
GH_EXPR = re.compile(r"\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
CONTROL = {"&&", "||", ";", "|", "&", ";;", "(", ")", "{", "}", "then", "do", "else", "!"}
WRAPPERS = {"exec", "env", "sudo", "time", "nohup", "command", "nice", "xargs", "timeout"}


def expand_shell(text: str, env: dict[str, str]) -> str:
    text = GH_EXPR.sub(lambda m: env.get(m.group(1), m.group(0)), text)

    def repl(m: re.Match) -> str:
        name = m.group(1) or m.group(4)
        if name in env and env[name] != "":
            return env[name]
        if m.group(2) is not None:
            return m.group(3)
        return m.group(0)
    return SHELL_VAR.sub(repl, text)


def is_wasmtime_word(word: str) -> bool:
    base = word.rstrip("/").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if base.lower() in ("wasmtime", "wasmtime.exe"):
        return True
    # An unexpanded variable naming the runtime ($WASMTIME, ${WASMTIME_BIN}, $(WASMTIME)).
    return bool(re.fullmatch(r"\$\{?\(?[A-Za-z_]*WASMTIME[A-Za-z_]*\)?\}?", word, re.IGNORECASE))


def engine_args(tokens: list[str]) -> list[str] | None:
    """XHarness/dotnet `--engine-arg=X` (or `--engine-arg X`) values, or None when there are none."""
    out: list[str] = []
    found = False
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.startswith("--engine-arg="):
            out.append(t[len("--engine-arg="):])
            found = True
        elif t == "--engine-arg" and i + 1 < len(tokens):
            out.append(tokens[i + 1])
            found = True
            i += 1
        i += 1
    return out if found else None


def split_tokens(text: str) -> list[str] | None:
    try:
        lex = shlex.shlex(text, posix=True)
        lex.whitespace_split = True
        lex.commenters = "#"
        return list(lex)
    except ValueError:
        try:
            return shlex.split(text, comments=False, posix=False)
        except ValueError:
            return None


def commands_in_tokens(tokens: list[str], path: str, line: int, base_dir: str,
                       bare_args: bool = False, depth: int = 0) -> list[CommandLine]:
    """The wasmtime command lines in a token list (a shell logical line, a property value...)."""
    result: list[CommandLine] = []
    simple: list[list[str]] = [[]]
    for t in tokens:
        if t in CONTROL:
            simple.append([])
        elif t.endswith(";") and len(t) > 1 and not t.endswith("\\;"):
            simple[-1].append(t[:-1])
            simple.append([])
        else:
            simple[-1].append(t)
    for words in simple:
        if not words:
            continue
        env: dict[str, str] = {}
        i = 0
        # Leading assignments (also look inside their values: HOSTRUNNER="wasmtime run ...").
        while i < len(words) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[i], re.S):
            name, _, value = words[i].partition("=")
            env[name] = value
            if depth < 2 and re.search(r"\s", value) and (any(h in value for h in STACK_HINTS) or "wasmtime" in value.lower()):
                inner = split_tokens(value)
                if inner:
                    result += commands_in_tokens(inner, path, line, base_dir, bare_args=True, depth=depth + 1)
            i += 1
        while i < len(words) and words[i] in WRAPPERS:
            i += 1
            if words[i - 1] == "timeout" and i < len(words):
                i += 1
        rest = words[i:]
        if not rest:
            continue
        xh = engine_args(rest)
        if xh is not None and not is_wasmtime_word(rest[0]):
            result.append(CommandLine(path, line, xh, implicit="run", env=env, base_dir=base_dir))
            continue
        if is_wasmtime_word(rest[0]):
            result.append(CommandLine(path, line, rest[1:], env=env, base_dir=base_dir))
            continue
        if bare_args and any(any(h in w for h in STACK_HINTS) for w in rest):
            # Engine arguments without the command word (a variable holding the runner's flags).
            start = next((k for k, w in enumerate(rest) if w.startswith("-")), None)
            if start is not None:
                result.append(CommandLine(path, line, rest[start:], implicit="run", env=env, base_dir=base_dir))
    return result


def logical_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    buf = ""
    start = None
    for number, text in lines:
        if start is None:
            start = number
        if text.endswith("\\") and not text.endswith("\\\\"):
            buf += text[:-1] + " "
            continue
        buf += text
        out.append((start, buf))
        buf = ""
        start = None
    if buf:
        out.append((start or 0, buf))
    return out


ASSIGN = re.compile(r"^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
DEFAULT_ASSIGN = re.compile(r"^\s*:\s+\"?\$\{([A-Za-z_][A-Za-z0-9_]*):?=([^}]*)\}\"?\s*$")


def scan_shell(path: str, lines: list[tuple[int, str]], env: dict[str, str], base_dir: str) -> list[CommandLine]:
    result: list[CommandLine] = []
    env = dict(env)
    for number, text in logical_lines(lines):
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = DEFAULT_ASSIGN.match(stripped)
        if m:
            if not env.get(m.group(1)):
                env[m.group(1)] = expand_shell(m.group(2), env)
            continue
        expanded = expand_shell(text, env)
        m = ASSIGN.match(stripped)
        if m and not re.search(r"\s(&&|\|\||;)\s", stripped):
            tokens = split_tokens(expand_shell(m.group(2), env))
            if tokens is not None:
                env[m.group(1)] = " ".join(tokens)
        tokens = split_tokens(expanded)
        if tokens is None:
            continue
        result += commands_in_tokens(tokens, path, number, base_dir)
    return result


# ----------------------------------------------------------------------------------------
# Makefiles

MAKE_ASSIGN = re.compile(r"^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(\?=|:=|::=|\+=|=|!=)\s*(.*)$")
MAKE_VAR = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}")


def expand_make(text: str, variables: dict[str, str], depth: int = 0) -> str:
    def repl(m: re.Match) -> str:
        name = m.group(1) or m.group(2)
        if name in variables:
            return expand_make(variables[name], variables, depth + 1) if depth < 10 else variables[name]
        if "WASMTIME" in name.upper():
            return "wasmtime"  # the runtime, passed from the environment or the command line
        return m.group(0)
    text = MAKE_VAR.sub(repl, text)
    return text.replace("$$", "$")


def scan_makefile(path: str, text: str, base_dir: str) -> list[CommandLine]:
    variables: dict[str, str] = {}
    result: list[CommandLine] = []
    for number, line in logical_lines(list(enumerate(text.splitlines(), 1))):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith("\t"):
            m = MAKE_ASSIGN.match(line.strip())
            if m and ":" not in m.group(1):
                name, op, value = m.group(1), m.group(2), m.group(3).split(" #")[0].strip()
                if op == "?=" and name in variables:
                    continue
                if op == "+=":
                    variables[name] = (variables.get(name, "") + " " + value).strip()
                elif op == ":=" or op == "::=":
                    variables[name] = expand_make(value, variables)
                else:
                    variables[name] = value
                continue
            if ":" in line:
                # A rule line with an inline recipe (`target: deps ; command`).
                _, sep, recipe = line.partition(";")
                if not sep:
                    continue
                line = recipe
        recipe = line.strip().lstrip("@-+").strip()
        expanded = expand_make(recipe, variables)
        tokens = split_tokens(expanded)
        if tokens:
            result += commands_in_tokens(tokens, path, number, base_dir)
    return result


# ----------------------------------------------------------------------------------------
# GitHub workflows (hand-read YAML: steps, `run:` scalars, `env:` maps, the setup action)

def yaml_scalar(text: str) -> str:
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1]
    return re.sub(r"\s+#.*$", "", t)


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def block_scalar(lines: list[str], start: int, key_indent: int) -> tuple[list[tuple[int, str]], int]:
    """The lines of a `|`/`>` block after line index `start`; (numbered lines, next index)."""
    body: list[tuple[int, str]] = []
    i = start + 1
    block_indent = None
    while i < len(lines):
        line = lines[i]
        if line.strip() == "":
            body.append((i + 1, ""))
            i += 1
            continue
        ind = indent_of(line)
        if ind <= key_indent:
            break
        if block_indent is None:
            block_indent = ind
        body.append((i + 1, line[block_indent:] if ind >= block_indent else line.lstrip()))
        i += 1
    while body and body[-1][1] == "":
        body.pop()
    return body, i


def env_map(lines: list[str], start: int, key_indent: int, env: dict[str, str]) -> dict[str, str]:
    out = dict(env)
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.strip() == "" or line.lstrip().startswith("#"):
            i += 1
            continue
        if indent_of(line) <= key_indent:
            break
        m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$", line)
        if m:
            out[m.group(1)] = GH_EXPR.sub(lambda e: out.get(e.group(1), e.group(0)), yaml_scalar(m.group(2)))
        i += 1
    return out


def scan_workflow(path: str, text: str, base_dir: str, notes: list[str]) -> list[CommandLine]:
    lines = text.splitlines()
    result: list[CommandLine] = []
    workflow_env: dict[str, str] = {}
    job_env: dict[str, str] = {}
    job_indent = None
    version: tuple[int, int, int] | None = None
    # Steps are read as flat key lists: a `- ` item opens a step.
    step: dict = {}

    def flush_step() -> None:
        nonlocal version, step
        if not step:
            return
        uses = step.get("uses", "")
        if re.match(r"bytecodealliance/actions/wasmtime/setup@", uses):
            raw = step.get("with", {}).get("version")
            if raw:
                v = parse_version(raw)
                if v:
                    version = v
                    notes.append("%s:%d: the wasmtime/setup step pins Wasmtime %s (overrides --cli-version)" % (path, step["line"], vstr(v)))
                else:
                    notes.append("%s:%d: the wasmtime/setup version %r is not X.Y.Z; keeping --cli-version" % (path, step["line"], raw))
        if "run" in step:
            env = dict(workflow_env)
            env.update(job_env)
            env.update(step.get("env", {}))
            for cmd in scan_shell(path, step["run"], env, base_dir):
                cmd.version = version
                result.append(cmd)
        step = {}

    i = 0
    in_jobs = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        ind = indent_of(line)
        if ind == 0:
            flush_step()
            in_jobs = stripped.startswith("jobs:")
            if stripped.startswith("env:"):
                workflow_env = env_map(lines, i, 0, {})
            i += 1
            continue
        if in_jobs and (job_indent is None or ind <= job_indent) and re.match(r"[A-Za-z0-9_-]+\s*:\s*$", stripped):
            flush_step()
            job_indent = ind
            job_env = {}
            version = None
            i += 1
            continue
        m = re.match(r"(\s*)(- +)?([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$", line)
        if not m:
            i += 1
            continue
        dash = m.group(2)
        key, value = m.group(3), m.group(4)
        key_indent = len(m.group(1)) + (len(dash) if dash else 0)
        if dash:
            flush_step()
            step = {"line": i + 1, "indent": key_indent}
        if not step:
            if key == "env" and job_indent is not None and ind > job_indent:
                job_env = env_map(lines, i, ind, {})
            i += 1
            continue
        if key_indent != step["indent"]:
            i += 1
            continue
        if key == "run":
            if re.match(r"[|>][-+0-9]*\s*(#.*)?$", value.strip()):
                body, nxt = block_scalar(lines, i, ind if not dash else key_indent - 1)
                if value.strip().startswith(">"):
                    body = [(body[0][0], " ".join(t for _, t in body))] if body else []
                step["run"] = body
                i = nxt
                continue
            step["run"] = [(i + 1, yaml_scalar(value))]
        elif key == "uses":
            step["uses"] = yaml_scalar(value)
        elif key in ("with", "env"):
            mapping = env_map(lines, i, key_indent, {})
            step[key] = mapping
        i += 1
    flush_step()
    return result


# ----------------------------------------------------------------------------------------
# Argument lists in Python, JavaScript, Elixir sources

STRING_LIT = re.compile(r"""([rRbBuUfF]{0,2})("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)""")


def literal_value(prefix: str, lit: str) -> str:
    """A string literal's text; interpolations (`${x}`, f"{x}", "#{x}") become `<expr>`."""
    body = lit[1:-1]
    if lit[0] == "`":
        body = re.sub(r"\$\{[^}]*\}", "<expr>", body)
    elif "f" in prefix.lower():
        body = re.sub(r"(?<!\{)\{[^{}]*\}(?!\})", "<expr>", body)
    body = re.sub(r"#\{[^}]*\}", "<expr>", body)
    if "\\" in body and "r" not in prefix.lower():
        body = re.sub(r"\\(.)", r"\1", body)
    return body


def scan_lists(path: str, text: str, base_dir: str) -> list[CommandLine]:
    result: list[CommandLine] = []
    covered: set[int] = set()
    line_of = lambda offset: text.count("\n", 0, offset) + 1
    # Innermost [...] spans.
    stack: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"""\[|\]|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|#[^\n]*|//[^\n]*""", text):
        tok = m.group(0)
        if tok == "[":
            stack.append(m.start())
        elif tok == "]" and stack:
            spans.append((stack.pop(), m.end()))
    spans.sort()
    for start, end in spans:
        inner = text[start + 1:end - 1]
        if "[" in inner:
            continue  # not innermost
        literals = list(STRING_LIT.finditer(inner))
        if not any(any(h in lit.group(2) for h in STACK_HINTS + ("-W", "--wasm")) for lit in literals):
            continue
        if not any(any(h in lit.group(2) for h in STACK_HINTS) for lit in literals):
            continue
        # The list's elements in order; a non-literal element is an expression (a positional).
        words: list[str] = []
        for element in split_top_level(inner):
            lm = STRING_LIT.fullmatch(element.strip())
            if lm:
                value = literal_value(lm.group(1), lm.group(2))
                words += (split_tokens(value) or [value]) if re.search(r"\s", value) else [value]
            elif element.strip().startswith("*") or element.strip().startswith("..."):
                words.append("<expr>")
            elif element.strip():
                words.append("<expr>")
        hint = next(lit for lit in literals if any(h in lit.group(2) for h in STACK_HINTS))
        line = line_of(start + 1 + hint.start())
        for lit in literals:
            covered.add(start + 1 + lit.start())
        result += list_command(words, path, line, base_dir)
    # Lone string literals holding a command line or runner flags (HOST_RUNNER = "wasmtime run -W ...").
    for m in STRING_LIT.finditer(text):
        if m.start() in covered or m.start() + len(m.group(1)) in covered:
            continue
        value = literal_value(m.group(1), m.group(2))
        if not any(h in value for h in STACK_HINTS) or not re.search(r"\s", value.strip()):
            continue
        tokens = split_tokens(value)
        if tokens:
            result += commands_in_tokens(tokens, path, line_of(m.start()), base_dir, bare_args=True)
    return result


def split_top_level(inner: str) -> list[str]:
    parts, depth, buf, i = [], 0, "", 0
    while i < len(inner):
        m = STRING_LIT.match(inner, i)
        if m:
            buf += m.group(0)
            i = m.end()
            continue
        c = inner[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(buf)
            buf = ""
        else:
            buf += c
        i += 1
    if buf.strip():
        parts.append(buf)
    return parts


def list_command(words: list[str], path: str, line: int, base_dir: str) -> list[CommandLine]:
    for k, w in enumerate(words):
        if is_wasmtime_word(w):
            return [CommandLine(path, line, words[k + 1:], base_dir=base_dir)]
    xh = engine_args(words)
    if xh is not None:
        return [CommandLine(path, line, xh, implicit="run", base_dir=base_dir)]
    start = next((k for k, w in enumerate(words) if w.startswith("-")), None)
    if start is None:
        return []
    sub = "serve" if "serve" in words[:start] else "run"
    return [CommandLine(path, line, words[start:], implicit=sub, base_dir=base_dir)]


# ----------------------------------------------------------------------------------------
# MSBuild

class MSBuildEvaluator:
    """Properties in document order across imports; `$(Name)` from earlier values, unknown -> ''."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        self.props: dict[str, str] = {}
        self.defs: list[tuple[str, str, int, str]] = []   # (name, path, line, literal text)
        self.execs: list[tuple[str, int, str]] = []        # (path, line, Exec Command)
        self.seen: set[str] = set()

    def expand(self, text: str) -> str:
        def repl(m: re.Match) -> str:
            return self.props.get(m.group(1).lower(), "")
        for _ in range(5):
            new = re.sub(r"\$\(\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\)", repl, text)
            if new == text:
                break
            text = new
        return text

    def condition(self, cond: str | None) -> bool:
        if not cond or not cond.strip():
            return True
        try:
            return ConditionParser(self.expand(cond)).parse()
        except Exception:
            return True  # unknown: assume it holds

    def directory_build_props(self, path: str) -> str | None:
        d = os.path.dirname(os.path.abspath(path))
        while True:
            candidate = os.path.join(d, "Directory.Build.props")
            if os.path.isfile(candidate) and os.path.abspath(candidate) != os.path.abspath(path):
                return candidate
            if d == self.root or os.path.dirname(d) == d or not d.startswith(self.root):
                return None
            d = os.path.dirname(d)

    def evaluate_file(self, path: str, display: str) -> None:
        key = os.path.abspath(path)
        if key in self.seen:
            return
        self.seen.add(key)
        try:
            data = open(path, "rb").read()
        except OSError:
            return
        self.props["msbuildthisfiledirectory"] = os.path.dirname(key) + os.sep
        self.props["msbuildthisfile"] = os.path.basename(key)
        parser = xml.parsers.expat.ParserCreate()
        stack: list[dict] = []

        def start(name: str, attrs: dict) -> None:
            parent = stack[-1] if stack else None
            active = (parent is None or parent["active"]) and self.condition(attrs.get("Condition"))
            node = {"name": name, "attrs": attrs, "line": parser.CurrentLineNumber, "text": "",
                    "active": active, "parent": parent}
            stack.append(node)
            if name == "Import" and active and "Project" in attrs:
                target = self.expand(attrs["Project"]).replace("\\", "/")
                if not os.path.isabs(target):
                    target = os.path.join(os.path.dirname(key), target)
                self.evaluate_file(target, os.path.relpath(target, self.root))
                self.props["msbuildthisfiledirectory"] = os.path.dirname(key) + os.sep
            if name == "Exec" and active and "Command" in attrs:
                self.execs.append((display, parser.CurrentLineNumber, attrs["Command"]))

        def end(name: str) -> None:
            node = stack.pop()
            parent = node["parent"]
            if parent is not None and parent["name"] == "PropertyGroup" and node["active"]:
                literal = node["text"]
                self.props[name.lower()] = self.expand(literal).strip()
                self.defs.append((name, display, node["line"], literal))

        def chars(data: str) -> None:
            if stack:
                stack[-1]["text"] += data

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = chars
        try:
            parser.Parse(data, True)
        except xml.parsers.expat.ExpatError as e:
            raise OracleError("%s: not well-formed XML: %s" % (display, e))


class ConditionParser:
    """MSBuild conditions: '..' == '..', !=, and, or, !, (), functions (assumed true)."""

    def __init__(self, text: str):
        self.toks = re.findall(r"'[^']*'|==|!=|<=|>=|<|>|\(|\)|!|[A-Za-z_][A-Za-z0-9_.:]*(?:\([^)]*\))?|[^\s]+", text)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self) -> bool:
        v = self.or_()
        if self.peek() is not None:
            raise ValueError("trailing")
        return v

    def or_(self) -> bool:
        v = self.and_()
        while (self.peek() or "").lower() == "or":
            self.take()
            v = self.and_() or v
        return v

    def and_(self) -> bool:
        v = self.unary()
        while (self.peek() or "").lower() == "and":
            self.take()
            v = self.unary() and v
        return v

    def unary(self) -> bool:
        if self.peek() == "!":
            self.take()
            return not self.unary()
        if self.peek() == "(":
            self.take()
            v = self.or_()
            if self.peek() == ")":
                self.take()
            return v
        left = self.take()
        op = self.peek()
        if op in ("==", "!=", "<", ">", "<=", ">="):
            self.take()
            right = self.take()
            a, b = left.strip("'").lower(), right.strip("'").lower()
            if op == "==":
                return a == b
            if op == "!=":
                return a != b
            return True  # numeric comparisons: not needed here
        if left.lower() in ("true", "'true'"):
            return True
        if left.lower() in ("false", "'false'"):
            return False
        return True  # Exists(...), HasTrailingSlash(...): assume true


def scan_msbuild(paths: list[tuple[str, str]], root: str) -> list[CommandLine]:
    ev = MSBuildEvaluator(root)
    for path, display in paths:
        dbp = ev.directory_build_props(path)
        if dbp:
            ev.evaluate_file(dbp, os.path.relpath(dbp, root))
        ev.evaluate_file(path, display)
    wanted = {display for _, display in paths}
    # Properties whose own definitions (in the files asked for) write stack flags or engine args.
    candidates: dict[str, tuple[str, int]] = {}
    for name, display, line, literal in ev.defs:
        if display in wanted and (any(h in literal for h in STACK_HINTS) or "--engine-arg" in literal):
            if any(h in literal for h in STACK_HINTS) or name.lower() not in candidates:
                candidates[name.lower()] = (display, line)
    values = {name: ev.props.get(name, "") for name in candidates}
    result: list[CommandLine] = []
    for name, (display, line) in sorted(candidates.items(), key=lambda kv: (kv[1][0], kv[1][1])):
        value = values[name]
        if not any(h in value for h in STACK_HINTS):
            continue
        # A property whose final value is part of another candidate's is reported there.
        if any(other != name and value in values[other] and len(values[other]) > len(value) for other in values):
            continue
        tokens = split_tokens(value.replace("\n", " "))
        if tokens:
            result += commands_in_tokens(tokens, display, line, os.path.dirname(display) or ".", bare_args=True)
    for display, line, command in ev.execs:
        if display in wanted:
            tokens = split_tokens(ev.expand(command))
            if tokens:
                result += commands_in_tokens(tokens, display, line, os.path.dirname(display) or ".")
    return result


# ----------------------------------------------------------------------------------------
# TOML config

def scan_toml(path: str, text: str) -> list[CommandLine]:
    line = 1
    for number, t in enumerate(text.splitlines(), 1):
        if re.match(r"\s*max-wasm-stack\s*=", t):
            line = number
            break
        if re.match(r"\s*\[wasm\]", t):
            line = number
    return [CommandLine(path, line, [], implicit="run", toml_file=path)]


# ----------------------------------------------------------------------------------------

def guess_kind(path: str) -> str | None:
    name = os.path.basename(path)
    lower = name.lower()
    if lower.endswith((".targets", ".props", ".csproj", ".proj")):
        return "msbuild"
    if lower.endswith((".sh", ".bash")):
        return "shell"
    if name in ("Makefile", "makefile", "GNUmakefile") or lower.endswith(".mk"):
        return "make"
    if lower.endswith((".yml", ".yaml")):
        return "workflow"
    if lower.endswith((".py", ".js", ".mjs", ".cjs", ".ts", ".exs", ".ex")):
        return "list"
    if lower.endswith(".toml"):
        return "toml"
    return None


def extract(files: list[str], root: str, kind_override: str | None, notes: list[str]) -> list[CommandLine]:
    result: list[CommandLine] = []
    msbuild: list[tuple[str, str]] = []
    for display in files:
        path = display if os.path.isabs(display) else os.path.join(root, display)
        kind = kind_override or guess_kind(display)
        if kind is None:
            raise UsageError("cannot tell the kind of %s from its name: pass --kind" % display)
        if not os.path.isfile(path):
            raise UsageError("%s: no such file" % display)
        base_dir = os.path.dirname(path) or "."
        if kind == "msbuild":
            msbuild.append((path, display))
            continue
        text = open(path, encoding="utf-8", errors="replace").read()
        if kind == "shell":
            result += scan_shell(display, list(enumerate(text.splitlines(), 1)), {}, base_dir)
        elif kind == "make":
            result += scan_makefile(display, text, base_dir)
        elif kind == "workflow":
            result += scan_workflow(display, text, base_dir, notes)
        elif kind == "list":
            result += scan_lists(display, text, base_dir)
        elif kind == "toml":
            result += scan_toml(path, text)
            result[-1].path = display
        else:
            raise UsageError("unknown --kind %s" % kind)
    if msbuild:
        result += scan_msbuild(msbuild, root)
    return result


class UsageError(Exception):
    pass


def describe(v: Verdict) -> str:
    max_ = v.max if v.max is not None else DEFAULT_MAX
    async_ = v.async_ if v.async_ is not None else DEFAULT_ASYNC
    return "(max=%d async=%d async_on=%s)" % (max_, async_, "true" if v.async_on else "false")


def run(args: argparse.Namespace) -> int:
    cli = parse_version(args.cli_version)
    if not cli:
        raise UsageError("--cli-version %r is not X.Y.Z" % args.cli_version)
    if not os.path.isfile(args.lib):
        raise UsageError("--lib %s: no such file (run Tests/Runtime/fetch-wasmtime.sh)" % args.lib)
    lib_v = library_version(args.lib, args.lib_version)
    root = args.root
    notes: list[str] = []
    commands = extract(args.file, root, args.kind, notes)
    for n in notes:
        print("note: " + n, file=sys.stderr)
    rejected = unresolved = reported = 0
    stand_in_noted: set[tuple] = set()
    for cmd in sorted(commands, key=lambda c: (c.path, c.line)):
        version = cmd.version or cli
        v = evaluate(cmd, version, root)
        if v is None:
            continue
        reported += 1
        if v.probe:
            problem = check_stand_in(version, lib_v, v.async_on)
            if problem:
                raise OracleError(problem)
            ok, message = probe(args.lib, lib_v, v)
            if lib_v != version:
                if (version, lib_v) not in stand_in_noted:
                    stand_in_noted.add((version, lib_v))
                    why = ("the engine rule did not change between 25.0.0 and 25.0.1, only the CLI did"
                           if (lib_v, version) == ((25, 0, 0), (25, 0, 1))
                           else "the same Config::validate rule (%s)" % (
                               "checked only with async_support on, 12.0.0-41.x" if version < (42, 0, 0) else "always checked, 42.0.0+"))
                    print("note: the %s CLI is emulated with the %s C library: %s" % (vstr(version), vstr(lib_v), why), file=sys.stderr)
            lib_text = "Wasmtime %s C library%s" % (vstr(lib_v), "" if lib_v == version else " for the %s CLI" % vstr(version))
            extra = ("; " + v.reason) if v.reason else ""
            if ok:
                v.reason = "engine created (%s, wasmtime %s%s)" % (lib_text, v.subcommand, extra)
            else:
                v.status = "rejected"
                v.reason = "%s (%s, wasmtime %s%s)" % (message, lib_text, v.subcommand, extra)
        if v.status == "rejected":
            rejected += 1
        elif v.status == "unresolved":
            unresolved += 1
        print("%s:%d: %s: %s %s" % (cmd.path, cmd.line, v.status, v.reason, describe(v)))
    if reported == 0:
        print("cli_oracle: no wasmtime command line found in %s" % ", ".join(args.file), file=sys.stderr)
        return 2
    if rejected:
        return 1
    return 2 if unresolved else 0


# ----------------------------------------------------------------------------------------
# Self-test of the semantics (no library needed)

def self_test() -> int:
    V = parse_version
    cases = [
        # (version, args, implicit, expected status, expected (max, async, async_on) or reason part)
        ("25.0.0", ["run", "-W", "max-wasm-stack=134217728", "x.wasm"], None, "accepted", (134217728, None, True)),
        ("25.0.1", ["run", "-W", "max-wasm-stack=134217728", "x.wasm"], None, "accepted", (134217728, 134217728 + 524288, True)),
        ("25.0.0", ["run", "-W", "async-stack-size=1048576", "x.wasm"], None, "rejected", "async-stack-size"),
        ("25.0.1", ["-Wmax-wasm-stack=8,async-stack-size=4", "x.wasm"], None, "accepted", (8, 4, True)),
        ("25.0.1", ["--wasm=max-wasm-stack=8", "x.wasm"], None, "accepted", (8, 8 + 524288, True)),
        ("22.0.0", ["run", "-W", "max-wasm-stack=8388608", "x.wasm"], None, "accepted", (8388608, None, False)),
        ("22.0.0", ["serve", "-W", "max-wasm-stack=8388608", "x.wasm"], None, "accepted", (8388608, None, True)),
        ("22.0.0", ["run", "--max-wasm-stack=4194304", "x.wasm"], None, "rejected", "22.0.0"),
        ("21.0.0", ["run", "--max-wasm-stack", "4194304", "x.wasm"], None, "accepted", (4194304, None, False)),
        ("14.0.0", ["run", "--max-wasm-stack=4194304", "x.wasm"], None, "rejected", "14.0.3"),
        ("13.0.0", ["run", "--max-wasm-stack=4194304", "x.wasm"], None, "accepted", (4194304, None, False)),
        ("13.0.0", ["run", "-W", "max-wasm-stack=4194304", "x.wasm"], None, "rejected", "-W"),
        ("19.0.0", ["-W", "max-wasm-stack=0x100000", "x.wasm"], None, "rejected", "invalid digit"),
        ("20.0.0", ["-W", "max-wasm-stack=0x100000", "x.wasm"], None, "accepted", (1048576, None, False)),
        ("25.0.1", ["-W", "max-wasm-stack=1_048_576", "x.wasm"], None, "rejected", "invalid digit"),
        ("26.0.0", ["-W", "max-wasm-stack=1_048_576", "x.wasm"], None, "accepted", (1048576, 1572864, True)),
        ("25.0.1", ["x.wasm", "-W", "max-wasm-stack=9"], None, "accepted", (None, None, True)),
        ("25.0.1", ["compile", "-W", "max-wasm-stack=9", "x.wasm"], None, "accepted", (9, 9 + 524288, False)),
        ("29.0.0", ["run", "--config", "w.toml", "x.wasm"], None, "rejected", "--config"),
        ("25.0.1", ["run", "-W", "max-wasm-stack=$STACK", "x.wasm"], None, "unresolved", "not a literal"),
    ]
    failures = 0
    for version, args, implicit, status, expected in cases:
        v = evaluate(CommandLine("t", 1, args, implicit=implicit), V(version))
        ok = v is not None and v.status == status
        if ok and isinstance(expected, tuple):
            ok = (v.max, v.async_, v.async_on) == expected
        elif ok:
            ok = expected in v.reason
        if not ok:
            failures += 1
            print("FAIL %s %s: got %s" % (version, args, v), file=sys.stderr)
    # Extraction.
    toks = split_tokens("dotnet xharness wasi test --app=. --engine-arg=--dir=. --engine-arg=-W --engine-arg=max-wasm-stack=134217728 -- x")
    cmds = commands_in_tokens(toks, "t", 1, ".")
    if len(cmds) != 1 or cmds[0].args != ["--dir=.", "-W", "max-wasm-stack=134217728"]:
        failures += 1
        print("FAIL xharness extraction: %s" % cmds, file=sys.stderr)
    cmds = scan_lists("t.exs", 'args = ["run", "-W", "max-wasm-stack=134217728", path]\n', ".")
    if len(cmds) != 1 or cmds[0].args[:2] != ["-W", "max-wasm-stack=134217728"]:
        failures += 1
        print("FAIL list extraction: %s" % cmds, file=sys.stderr)
    cmds = scan_lists("t.js", "const a = ['run', '-W', `max-wasm-stack=${n}`, wasm];\n", ".")
    v = evaluate(cmds[0], V("30.0.0")) if len(cmds) == 1 else None
    if v is None or v.status != "unresolved":
        failures += 1
        print("FAIL template literal: %s %s" % (cmds, v), file=sys.stderr)
    print("self-test: %d case(s), %d failure(s)" % (len(cases) + 3, failures))
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--probe"]:
        return probe_main(argv[1:])
    p = argparse.ArgumentParser(prog="cli_oracle.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cli-version", help="the Wasmtime CLI version (X.Y.Z) the files run with")
    p.add_argument("--lib", help="path to the Wasmtime C library (libwasmtime.so)")
    p.add_argument("--lib-version", help="the library's version when its path does not name it")
    p.add_argument("--file", action="append", default=[], help="a file to read (repeatable; MSBuild files share properties)")
    p.add_argument("--root", default=".", help="the tree root (relative --file paths, --config lookups); default: .")
    p.add_argument("--kind", choices=["msbuild", "shell", "make", "workflow", "list", "toml"], help="override the kind guessed from the name")
    p.add_argument("--self-test", action="store_true", help="check the flag semantics and exit")
    try:
        args = p.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    if args.self_test:
        return self_test()
    if not args.cli_version or not args.lib or not args.file:
        print("cli_oracle: --cli-version, --lib and at least one --file are required", file=sys.stderr)
        return 2
    try:
        return run(args)
    except UsageError as e:
        print("cli_oracle: %s" % e, file=sys.stderr)
        return 2
    except OracleError as e:
        print("cli_oracle: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

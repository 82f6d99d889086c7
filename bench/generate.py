#!/usr/bin/env python3
"""Generates the benchmark tree for `make bench`, deterministically from --seed.

    python3 bench/generate.py --files 20000 --seed 1 --out bench/out/tree-s1-n20000

writes
    OUT/tree/                the tree to scan (a repository: .git/, .gitignore, manifests, sources)
    OUT/ground-truth.json    every site wasmfix must report and every finding it must raise

The tree holds --files files. About 96.5% are source files (.rs, .c/.h, .cs, and C++ .cc/.hh or
.cpp/.hpp; 2-30 KB) of plausible code: items are drawn from per-language pools of generated
functions, types and comments, so files differ from each other without being random noise, and
every file parses with tree-sitter without errors. About one source file in 500 (at least one of
each shape) holds a Wasmtime engine configuration in one of the shapes below; some hold decoys
(setting names in comments, strings, prototypes, longer identifiers) that are not sites.

The other 3.5% are where Wasmtime command lines live, small and mostly without any Wasmtime flag,
as in a real repository: shell scripts, Makefiles and .mk files, GitHub workflows and other YAML,
MSBuild .targets/.props, Python tools, TOML files and Markdown docs. About one per 800 files of the
tree (at least one of each CLI shape) runs `wasmtime` with stack flags (-W max-wasm-stack=N,
-Wmax-wasm-stack=N, --wasm, comma lists, --engine-arg pairs in MSBuild, argument lists in Python,
the old --max-wasm-stack) or is the CLI's TOML options file; about one filler in eight holds a
decoy (a flag in a comment, an echo, a workflow step's name:, an XML comment, Markdown).
Every one of those files parses (YAML, XML, TOML, Python, bash -n, make).

A git-ignored `target/` folder (20% of the file count, plus `obj/` under dotnet/) holds junk,
violations (also scripts, TOML and argument lists) and conflicting copies of the constants the
real configurations use (also the MSBuild properties, in obj/*.nuget.g.props): a scanner that
reads it reports extra sites, or cannot resolve the constants, and fails the check.

Wasmtime versions come from manifests, as in a monorepo: the root Cargo.lock pins 25.0.0
(Rust crates/, C native/ and C++ cpp/), legacy/ has its own workspace on 11.0.0, next/ pins
47.0.0 with a wasmtime-version.txt (C), and dotnet/ pins the Wasmtime NuGet package 22.0.0
centrally. The installed CLI's version comes from wasmtime-version.txt files only (a crate's
Cargo.lock says nothing about it) or from the file itself: 25.0.0 at the root, 30.0.0 in ci/,
25.0.1 in tools/ and dotnet/eng/, 13.0.0 in legacy/scripts/, 47.0.0 in next/, a workflow's
wasmtime/setup `version:`, a script's WASMTIME_VERSION=. None of these pins is above a source
file, so they change no library's version.
The expected findings are computed here from CONTRACT.md's rules and wasmtime-facts.md, and
for command lines from the CLI's own rules per version (WF007 for flags a version rejects,
`run` async from 25.0.0, async = max + 512 KiB from 25.0.1, TOML from 30.0.0, -W flags over the
TOML file's keys), not from wasmfix's code.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass, field

KIB = 1024
MIB = 1024 * 1024
GENERATOR_VERSION = 3
MARK = "\x01"  # precedes a setting's name token in generated text; removed before writing
SNAKE_SUFFIX = "\x02"  # replaced per file and item, so item names differ between files
CAMEL_SUFFIX = "\x03"

# Needles a junk item must never contain (it would be a decoy or a site by accident).
NEEDLES = (
    "max_wasm_stack", "async_stack_size", "async_support", "wasmtime_config_", "WithMaximumStackSize",
    "WithMaxWasmStack", "WithAsync", "WASM_", "Wasm", "wasm", "max-wasm-stack", "async-stack-size",
)

# ---------------------------------------------------------------------------------------------
# Vocabulary

NOUNS = """
account adapter addr alloc arena argument array attempt backend batch bitmap block body bucket
buffer builder bundle byte cache call capacity cell channel chunk client clock codec column
command commit config connection context counter cursor deadline decoder delta descriptor
digest directory document encoder entry epoch error event extent factory field filter flag
frame future gauge generation graph guard handle hash header heap histogram hook host id image
index inode input instance interval item iterator job journal kernel key label latch layout
lease ledger length level limit line link list listener loader lock log manifest map marker
matrix member memo message meta method metric mode module monitor mutex name node number
object offset op option order origin output owner packet page pair parser partition patch path
payload peer permit pipe plan point policy pool port prefix probe process profile queue quota
range rank rate reader record region registry replica report request resource response result
retry revision root route row rule sample scanner schema scope segment selector sender session
shard signal sink slot snapshot socket source span spec stage state status step store stream
string suffix summary symbol table tag target task term thread ticket timer token topic trace
tracker transaction tree tuple unit update user value vector version view volume watcher
weight window worker writer zone stack depth frame_pointer
""".split()

VERBS = """
accept acquire add advance allocate append apply assign attach build check clear close collect
commit compact compare compute configure connect consume convert copy count create decode
delete detach dispatch drain drop emit encode ensure evict execute expand extend fetch fill
filter find finish flush format forward free gather get grow handle hash init insert inspect
invoke join load lock lookup map mark measure merge migrate move normalize notify open parse
patch peek pop prepare probe process publish pull push put read rebuild record recover reduce
refresh register release reload remove render repair replace reset resize resolve restore
resume retain retry rewind rotate route run sample save scan schedule seal search seek select
send serialize set shrink shutdown skip sort spawn split start step stop store submit swap sync
take tick track transform trim truncate try unlock update upgrade validate verify visit wait
walk wake write yield
""".split()

ADJECTIVES = """
active atomic binary cached clean cold compact current dense dirty dynamic empty eager exact
fast final first fixed flat frozen full global hot idle inner last lazy legacy linear local
logical lower main max min native next old open outer partial pending primary private raw
ready recent remote reserved root safe secondary shared short slow small sparse stale static
strict temp total upper valid virtual warm weak
""".split()

COMMENT_WORDS = """
the a this that we it is are be to of in for on with as by when if then only not never always
must should may can will cache buffer value entry lock thread request caller callee state path
error retry size limit budget queue slot index handle record page frame stream before after
first last until unless because so keep avoid check update reset ensure note: todo: safety:
invariant holds here again later overflow bound capacity ordering memory allocation copy
release acquire fence stable unstable slow fast path hot cold—naïve façade résumé
""".split()

RUST_TYPES = ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "f64", "bool", "String", "&str",
              "Vec<u8>", "Vec<String>", "Option<u32>", "Option<String>", "HashMap<String, u64>",
              "Arc<Mutex<Vec<u8>>>", "Box<dyn Fn(u32) -> u32>", "Duration", "PathBuf", "[u8; 32]",
              "Result<(), Error>", "BTreeMap<u64, String>"]
C_TYPES = ["int", "unsigned", "size_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int64_t",
           "double", "char *", "const char *", "bool", "void *", "long"]
CS_TYPES = ["int", "long", "uint", "ulong", "byte", "bool", "string", "double", "decimal", "Guid",
            "TimeSpan", "DateTime", "List<string>", "Dictionary<string, int>", "byte[]", "int[]",
            "IReadOnlyList<long>", "CancellationToken", "Task<int>", "object"]


def snake(rng: random.Random, parts: int = 2) -> str:
    words = [rng.choice(VERBS if i == 0 and rng.random() < 0.5 else NOUNS) for i in range(parts)]
    return "_".join(words)


def camel(rng: random.Random, parts: int = 2) -> str:
    words = [rng.choice(ADJECTIVES if i == 0 and rng.random() < 0.4 else NOUNS) for i in range(parts)]
    return "".join(w.replace("_", " ").title().replace(" ", "") for w in words)


def upper(rng: random.Random, parts: int = 2) -> str:
    return "_".join(rng.choice(ADJECTIVES + NOUNS).upper() for _ in range(parts))


def sentence(rng: random.Random, lo: int = 4, hi: int = 14) -> str:
    words = [rng.choice(COMMENT_WORDS) for _ in range(rng.randint(lo, hi))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", ";", ":", " (see below)."])


def string_text(rng: random.Random) -> str:
    return " ".join(rng.choice(COMMENT_WORDS + NOUNS) for _ in range(rng.randint(2, 7))).replace("\\", "")


# ---------------------------------------------------------------------------------------------
# Rust

class RustGen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def var(self) -> str:
        return self.r.choice(NOUNS) if self.r.random() < 0.6 else snake(self.r)

    def lit(self) -> str:
        r = self.r
        k = r.randrange(9)
        if k == 0: return str(r.randrange(0, 100))
        if k == 1: return f"0x{r.randrange(0, 1 << 16):x}"
        if k == 2: return f"{r.randrange(1, 100)}_{r.randrange(0, 1000):03d}"
        if k == 3: return f"{r.randrange(1, 64)}u{r.choice([8, 16, 32, 64])}"
        if k == 4: return '"' + string_text(r) + '"'
        if k == 5: return f"{r.randrange(0, 100)}.{r.randrange(0, 100)}"
        if k == 6: return r.choice(["true", "false"])
        if k == 7: return f"'{r.choice('abcxyz')}'"
        return f"{r.randrange(2, 16)} * {r.randrange(2, 1024)}"

    def expr(self, depth: int = 0) -> str:
        r = self.r
        k = r.randrange(14 if depth < 2 else 4)
        if k == 0: return self.lit()
        if k == 1: return self.var()
        if k == 2: return f"{self.var()}.{snake(r)}()"
        if k == 3: return f"self.{r.choice(NOUNS)}"
        if k == 4: return f"{self.expr(depth + 1)} {r.choice(['+', '-', '*', '&', '|', '^'])} {self.lit()}"
        if k == 5: return f"{snake(r)}({self.expr(depth + 1)}, {self.var()})"
        if k == 6: return f"Some({self.expr(depth + 1)})"
        if k == 7: return f"vec![{', '.join(self.lit() for _ in range(r.randint(1, 4)))}]"
        if k == 8: return f'format!("{string_text(r)} {{}}", {self.var()})'
        if k == 9: return f"{self.var()}.iter().map(|x| x.{snake(r)}()).collect::<Vec<_>>()"
        if k == 10: return f"{camel(r)}::{r.choice(['new()', 'default()', 'with_capacity(16)'])}"
        if k == 11: return f"&{self.var()}[..{r.randrange(1, 64)}]"
        if k == 12: return f"{self.var()}.get({self.lit()}).copied().unwrap_or_default()"
        return f"({self.expr(depth + 1)})"

    def cond(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k == 0: return f"{self.var()} > {r.randrange(100)}"
        if k == 1: return f"{self.var()}.is_empty()"
        if k == 2: return f"!{self.var()}.is_some()"
        if k == 3: return f"{self.var()} == {r.randrange(10)} && {self.var()} < {r.randrange(10, 1000)}"
        return f"let Some({r.choice(NOUNS)}) = {self.var()}.{snake(r)}()"

    def block(self, indent: str, depth: int, count: int) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            lines.extend(self.stmt(indent, depth))
        return lines

    def stmt(self, ind: str, depth: int) -> list[str]:
        r = self.r
        k = r.randrange(14 if depth < 2 else 7)
        if k == 0: return [f"{ind}let {self.var()} = {self.expr()};"]
        if k == 1: return [f"{ind}let mut {self.var()}: {r.choice(RUST_TYPES)} = {self.expr()};"]
        if k == 2: return [f"{ind}{self.var()} += {r.randrange(1, 9)};"]
        if k == 3: return [f"{ind}{self.var()}.{snake(r)}({self.expr()});"]
        if k == 4: return [f"{ind}// {sentence(r)}"]
        if k == 5: return [f'{ind}tracing::{r.choice(["debug", "trace", "info", "warn"])}!("{string_text(r)}: {{}}", {self.var()});']
        if k == 6: return [f"{ind}let {self.var()} = {self.var()}.{snake(r)}()?;"]
        inner = ind + "    "
        if k == 7:
            out = [f"{ind}if {self.cond()} {{"] + self.block(inner, depth + 1, r.randint(1, 3))
            if r.random() < 0.5:
                out += [f"{ind}}} else {{"] + self.block(inner, depth + 1, r.randint(1, 3))
            return out + [f"{ind}}}"]
        if k == 8:
            return [f"{ind}for {r.choice(NOUNS)} in {self.var()}.iter() {{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}"]
        if k == 9:
            v = self.var()
            return [f"{ind}match {v} {{",
                    f"{inner}Some({r.choice(NOUNS)}) => {self.expr(1)},",
                    f"{inner}None => {{"] + self.block(inner + "    ", depth + 1, r.randint(1, 2)) + [
                    f"{inner}}}", f"{ind}}}"]
        if k == 10:
            return [f"{ind}while {self.var()} < {r.randrange(10, 500)} {{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{inner}break;", f"{ind}}}"]
        if k == 11:
            return [f"{ind}let {self.var()} = |{r.choice(NOUNS)}: {r.choice(['u32', 'usize', '&str'])}| {{"] + self.block(inner, depth + 1, r.randint(1, 2)) + [f"{ind}}};"]
        if k == 12:
            return [f'{ind}let {self.var()} = r#"{string_text(r)} "quoted" {string_text(r)}"#;']
        return [f"{ind}assert!({self.var()} <= {r.randrange(1, 1 << 20)}, \"{string_text(r)}\");"]

    def doc(self, ind: str) -> list[str]:
        return [f"{ind}/// {sentence(self.r)}" for _ in range(self.r.randint(1, 3))]

    def fn(self, ind: str = "", method: bool = False) -> list[str]:
        r = self.r
        params = ", ".join(f"{r.choice(NOUNS)}: {r.choice(RUST_TYPES)}" for _ in range(r.randint(0, 3)))
        if method:
            params = r.choice(["&self", "&mut self"]) + (", " + params if params else "")
        ret = r.choice(["", " -> usize", " -> Result<(), Error>", " -> Option<String>", " -> bool", " -> Vec<u8>"])
        head = f"{ind}{r.choice(['pub ', 'pub(crate) ', '', ''])}fn {snake(r)}{SNAKE_SUFFIX}({params}){ret} {{"
        body = self.block(ind + "    ", 0, r.randint(2, 10))
        tail = {"": [], " -> usize": [f"{ind}    {r.randrange(1000)}"], " -> Result<(), Error>": [f"{ind}    Ok(())"],
                " -> Option<String>": [f"{ind}    None"], " -> bool": [f"{ind}    {r.choice(['true', 'false'])}"],
                " -> Vec<u8>": [f"{ind}    Vec::new()"]}[ret]
        return self.doc(ind) + [head] + body + tail + [f"{ind}}}"]

    def struct(self) -> list[str]:
        r = self.r
        name = camel(r) + CAMEL_SUFFIX
        fields = [f"    {r.choice(['pub ', 'pub(crate) ', ''])}{snake(r, r.randint(1, 2))}: {r.choice(RUST_TYPES)}," for _ in range(r.randint(1, 8))]
        derive = r.choice(["#[derive(Debug, Clone)]", "#[derive(Debug, Default)]", "#[derive(Clone, Copy, PartialEq, Eq, Hash)]", "#[derive(Debug)]"])
        out = self.doc("") + [derive, f"pub struct {name} {{"] + fields + ["}", ""]
        out += [f"impl {name} {{"]
        for i in range(r.randint(1, 4)):
            out += self.fn("    ", method=True)
            out += [""]
        return out[:-1] + ["}"]

    def enum(self) -> list[str]:
        r = self.r
        variants = []
        for _ in range(r.randint(2, 7)):
            v = camel(r, 1)
            k = r.randrange(3)
            variants.append(f"    {v}," if k == 0 else (f"    {v}({r.choice(RUST_TYPES)})," if k == 1 else f"    {v} {{ {r.choice(NOUNS)}: {r.choice(RUST_TYPES)} }},"))
        return self.doc("") + ["#[derive(Debug)]", f"pub enum {camel(r)}{CAMEL_SUFFIX} {{"] + variants + ["}"]

    def trait(self) -> list[str]:
        r = self.r
        methods = [f"    fn {snake(r)}(&self{', ' + r.choice(NOUNS) + ': ' + r.choice(RUST_TYPES) if r.random() < 0.5 else ''}) -> {r.choice(RUST_TYPES)};" for _ in range(r.randint(1, 4))]
        return self.doc("") + [f"pub trait {camel(r)}{CAMEL_SUFFIX}: Send + Sync {{"] + methods + ["}"]

    def consts(self) -> list[str]:
        r = self.r
        return [f"{r.choice(['pub ', ''])}const {upper(r)}{SNAKE_SUFFIX.upper()}: {r.choice(['usize', 'u32', 'u64', 'i64'])} = {r.randrange(1, 1 << 16)};" for _ in range(r.randint(1, 4))]

    def tests(self) -> list[str]:
        r = self.r
        out = ["#[cfg(test)]", "mod tests {", "    use super::*;", ""]
        for _ in range(r.randint(1, 3)):
            out += ["    #[test]", f"    fn {snake(r)}{SNAKE_SUFFIX}_works() {{"] + self.block("        ", 1, r.randint(1, 4)) + ["    }", ""]
        return out[:-1] + ["}"]

    def item(self) -> str:
        k = self.r.random()
        if k < 0.40: lines = self.fn()
        elif k < 0.70: lines = self.struct()
        elif k < 0.80: lines = self.enum()
        elif k < 0.87: lines = self.trait()
        elif k < 0.94: lines = self.consts()
        else: lines = self.tests()
        return "\n".join(lines) + "\n"

    def header(self) -> str:
        r = self.r
        uses = ["use std::collections::HashMap;", "use std::sync::{Arc, Mutex};", "use std::time::Duration;",
                "use std::path::PathBuf;", "use anyhow::Error;", "use std::collections::BTreeMap;",
                "use serde::{Deserialize, Serialize};", "use tracing::{debug, warn};"]
        head = [f"//! {sentence(r)}", "//!", f"//! {sentence(r)}", ""]
        return "\n".join(head + sorted(r.sample(uses, r.randint(2, 6)))) + "\n"


# ---------------------------------------------------------------------------------------------
# C

class CGen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def var(self) -> str:
        return self.r.choice(NOUNS) if self.r.random() < 0.6 else snake(self.r)

    def lit(self) -> str:
        r = self.r
        k = r.randrange(6)
        if k == 0: return str(r.randrange(0, 1000))
        if k == 1: return f"0x{r.randrange(0, 1 << 16):x}u"
        if k == 2: return '"' + string_text(r) + '"'
        if k == 3: return f"{r.randrange(1, 64)}UL"
        if k == 4: return f"'{r.choice('abcxyz')}'"
        return f"sizeof(struct {snake(r, 1)})"

    def expr(self, depth: int = 0) -> str:
        r = self.r
        k = r.randrange(8 if depth < 2 else 3)
        if k == 0: return self.lit()
        if k == 1: return self.var()
        if k == 2: return f"{self.var()}->{r.choice(NOUNS)}"
        if k == 3: return f"{snake(r)}({self.expr(depth + 1)}, {self.var()})"
        if k == 4: return f"{self.expr(depth + 1)} {r.choice(['+', '-', '*', '&', '|', '<<'])} {r.randrange(1, 16)}"
        if k == 5: return f"({r.choice(['size_t', 'int', 'uint32_t'])}){self.var()}"
        if k == 6: return f"{self.var()}[{r.randrange(0, 16)}]"
        return f"({self.expr(depth + 1)})"

    def cond(self) -> str:
        r = self.r
        return r.choice([f"{self.var()} > {r.randrange(100)}", f"{self.var()} == NULL", f"!{self.var()}",
                         f"{self.var()} != {self.var()} && {self.var()} < {r.randrange(10, 1000)}",
                         f"({self.var()} & 0x{r.randrange(1, 255):x}) != 0"])

    def block(self, ind: str, depth: int, count: int) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            lines.extend(self.stmt(ind, depth))
        return lines

    def stmt(self, ind: str, depth: int) -> list[str]:
        r = self.r
        k = r.randrange(11 if depth < 2 else 6)
        if k == 0: return [f"{ind}{r.choice(['int', 'size_t', 'uint32_t', 'long', 'unsigned'])} {self.var()} = {self.expr()};"]
        if k == 1: return [f"{ind}{self.var()} = {self.expr()};"]
        if k == 2: return [f"{ind}{snake(r)}({self.var()}, {self.expr()});"]
        if k == 3: return [f"{ind}/* {sentence(r)} */"]
        if k == 4: return [f'{ind}fprintf(stderr, "{string_text(r)}: %d\\n", (int){self.var()});']
        if k == 5: return [f"{ind}{self.var()}->{r.choice(NOUNS)} += {r.randrange(1, 9)};"]
        inner = ind + "    "
        if k == 6:
            out = [f"{ind}if ({self.cond()}) {{"] + self.block(inner, depth + 1, r.randint(1, 3))
            if r.random() < 0.5:
                out += [f"{ind}}} else {{"] + self.block(inner, depth + 1, r.randint(1, 3))
            return out + [f"{ind}}}"]
        if k == 7:
            i = r.choice(["i", "j", "n"])
            return [f"{ind}for (size_t {i} = 0; {i} < {r.randrange(2, 256)}; ++{i}) {{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}"]
        if k == 8:
            out = [f"{ind}switch ({self.var()}) {{"]
            for c in sorted(r.sample(range(20), r.randint(1, 4))):
                out += [f"{ind}case {c}:"] + self.block(inner, depth + 1, r.randint(1, 2)) + [f"{inner}break;"]
            return out + [f"{ind}default:", f"{inner}break;", f"{ind}}}"]
        if k == 9:
            return [f"{ind}while ({self.cond()}) {{"] + self.block(inner, depth + 1, r.randint(1, 2)) + [f"{inner}break;", f"{ind}}}"]
        return [f"{ind}// {sentence(r)}"]

    def fn(self) -> list[str]:
        r = self.r
        params = ", ".join(f"{r.choice(C_TYPES)} {r.choice(NOUNS)}" for _ in range(r.randint(0, 4))) or "void"
        ret = r.choice(["void", "int", "size_t", "bool", "struct " + snake(r, 1) + " *"])
        head = f"{r.choice(['static ', '', 'static inline '])}{ret} {snake(r)}{SNAKE_SUFFIX}({params}) {{"
        body = self.block("    ", 0, r.randint(2, 12))
        if ret != "void":
            body.append(f"    return {'NULL' if ret.endswith('*') else r.randrange(0, 8)};")
        return [f"/* {sentence(r)} */"] + [head] + body + ["}"]

    def struct(self) -> list[str]:
        r = self.r
        name = snake(r) + SNAKE_SUFFIX
        fields = [f"    {r.choice(C_TYPES)} {snake(r, r.randint(1, 2))};" for _ in range(r.randint(2, 9))]
        if r.random() < 0.5:
            return [f"typedef struct {name} {{"] + fields + [f"}} {name}_t;"]
        return [f"struct {name} {{"] + fields + ["};"]

    def macros(self) -> list[str]:
        r = self.r
        out = []
        for _ in range(r.randint(1, 5)):
            k = r.randrange(3)
            if k == 0: out.append(f"#define {upper(r)}{SNAKE_SUFFIX.upper()} {r.randrange(1, 1 << 16)}")
            elif k == 1: out.append(f"#define {upper(r)}{SNAKE_SUFFIX.upper()}(x) ((x) * {r.randrange(2, 64)})")
            else: out.append(f'#define {upper(r)}{SNAKE_SUFFIX.upper()} "{string_text(r)}"')
        return out

    def table(self) -> list[str]:
        r = self.r
        rows = [f'    {{"{r.choice(NOUNS)}", {r.randrange(0, 1000)}, {r.randrange(0, 9)}}},' for _ in range(r.randint(2, 12))]
        return [f"static const struct {snake(r, 1)}_entry {snake(r)}{SNAKE_SUFFIX}[] = {{"] + rows + ["};"]

    def enum(self) -> list[str]:
        r = self.r
        prefix = upper(r, 1)
        items = [f"    {prefix}_{upper(r, 1)}{SNAKE_SUFFIX.upper()}{' = ' + str(i * 4) if r.random() < 0.3 else ''}," for i in range(r.randint(2, 8))]
        return [f"enum {snake(r)}{SNAKE_SUFFIX} {{"] + items + ["};"]

    def item(self) -> str:
        k = self.r.random()
        if k < 0.55: lines = self.fn()
        elif k < 0.75: lines = self.struct()
        elif k < 0.85: lines = self.macros()
        elif k < 0.93: lines = self.table()
        else: lines = self.enum()
        return "\n".join(lines) + "\n"

    def header_item(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.4:
            lines = [f"/* {sentence(r)} */"] + [
                f"{r.choice(['int', 'void', 'size_t', 'bool'])} {snake(r)}{SNAKE_SUFFIX}({', '.join(r.choice(C_TYPES) + ' ' + r.choice(NOUNS) for _ in range(r.randint(1, 4)))});"
                for _ in range(r.randint(1, 6))]
        elif k < 0.7: lines = self.struct()
        elif k < 0.85: lines = self.macros()
        else: lines = self.enum()
        return "\n".join(lines) + "\n"

    def header(self) -> str:
        r = self.r
        incs = ["<stdio.h>", "<stdlib.h>", "<string.h>", "<stdint.h>", "<stdbool.h>", "<errno.h>", "<assert.h>", "<pthread.h>"]
        head = ["/*", f" * {sentence(r)}", f" * {sentence(r)}", " */", ""]
        return "\n".join(head + [f"#include {i}" for i in sorted(r.sample(incs, r.randint(2, 6)))]) + "\n"


# ---------------------------------------------------------------------------------------------
# C#

class CSharpGen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def var(self) -> str:
        name = camel(self.r)
        return name[0].lower() + name[1:]

    def field(self) -> str:
        return "_" + self.var()

    def lit(self) -> str:
        r = self.r
        k = r.randrange(6)
        if k == 0: return str(r.randrange(0, 1000))
        if k == 1: return '"' + string_text(r) + '"'
        if k == 2: return f"{r.randrange(1, 64)}L"
        if k == 3: return r.choice(["true", "false", "null"])
        if k == 4: return f"TimeSpan.FromSeconds({r.randrange(1, 120)})"
        return f"0x{r.randrange(0, 1 << 16):X}"

    def expr(self, depth: int = 0) -> str:
        r = self.r
        k = r.randrange(10 if depth < 2 else 3)
        if k == 0: return self.lit()
        if k == 1: return self.var()
        if k == 2: return f"{self.field()}.{camel(r)}"
        if k == 3: return f"{camel(r)}({self.expr(depth + 1)}, {self.var()})"
        if k == 4: return f"{self.expr(depth + 1)} {r.choice(['+', '-', '*', '??'])} {self.lit()}"
        if k == 5: return f"{self.var()}.Where(x => x.{camel(r, 1)} > {r.randrange(10)}).Select(x => x.{camel(r, 1)}).ToList()"
        if k == 6: return f'$"{string_text(r)} {{{self.var()}}}"'
        if k == 7: return f"new {camel(r)}()"
        if k == 8: return f"await {self.field()}.{camel(r)}Async({self.var()}, cancellationToken)"
        return f"({self.expr(depth + 1)})"

    def cond(self) -> str:
        r = self.r
        return r.choice([f"{self.var()} > {r.randrange(100)}", f"{self.var()} is null", f"string.IsNullOrEmpty({self.var()})",
                         f"{self.field()}.Count == {r.randrange(10)} && {self.var()} < {r.randrange(10, 1000)}",
                         f"!{self.field()}.{camel(r)}"])

    def block(self, ind: str, depth: int, count: int) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            lines.extend(self.stmt(ind, depth))
        return lines

    def stmt(self, ind: str, depth: int) -> list[str]:
        r = self.r
        k = r.randrange(11 if depth < 2 else 6)
        if k == 0: return [f"{ind}var {self.var()} = {self.expr()};"]
        if k == 1: return [f"{ind}{r.choice(CS_TYPES)} {self.var()} = default;"]
        if k == 2: return [f"{ind}{self.field()}.{camel(r)}({self.expr()});"]
        if k == 3: return [f"{ind}// {sentence(r)}"]
        if k == 4: return [f'{ind}_logger.Log{r.choice(["Debug", "Information", "Warning"])}("{string_text(r)} {{{camel(r, 1)}}}", {self.var()});']
        if k == 5: return [f"{ind}{self.var()} += {r.randrange(1, 9)};"]
        inner = ind + "    "
        if k == 6:
            out = [f"{ind}if ({self.cond()})", f"{ind}{{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}"]
            if r.random() < 0.5:
                out += [f"{ind}else", f"{ind}{{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}"]
            return out
        if k == 7:
            return [f"{ind}foreach (var {r.choice(NOUNS)} in {self.field()})", f"{ind}{{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}"]
        if k == 8:
            out = [f"{ind}switch ({self.var()})", f"{ind}{{"]
            for c in sorted(r.sample(range(20), r.randint(1, 3))):
                out += [f"{inner}case {c}:"] + self.block(inner + "    ", depth + 1, r.randint(1, 2)) + [f"{inner}    break;"]
            return out + [f"{inner}default:", f"{inner}    break;", f"{ind}}}"]
        if k == 9:
            return ([f"{ind}try", f"{ind}{{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}",
                     f"{ind}catch ({r.choice(['InvalidOperationException', 'IOException', 'TimeoutException'])} ex)", f"{ind}{{",
                     f'{inner}_logger.LogWarning(ex, "{string_text(r)}");', f"{ind}}}"])
        return [f"{ind}for (var i = 0; i < {r.randrange(2, 100)}; i++)", f"{ind}{{"] + self.block(inner, depth + 1, r.randint(1, 2)) + [f"{ind}}}"]

    def method(self, ind: str) -> list[str]:
        r = self.r
        params = ", ".join(f"{r.choice(CS_TYPES)} {self.var()}" for _ in range(r.randint(0, 3)))
        is_async = r.random() < 0.3
        ret = "async Task" if is_async else r.choice(["void", "int", "bool", "string"])
        if is_async:
            params = (params + ", " if params else "") + "CancellationToken cancellationToken = default"
        name = camel(r) + CAMEL_SUFFIX + ("Async" if is_async else "")
        head = [f"{ind}/// <summary>{sentence(r)}</summary>",
                f"{ind}{r.choice(['public ', 'private ', 'internal ', 'protected '])}{ret} {name}({params})", f"{ind}{{"]
        body = self.block(ind + "    ", 0 if not is_async else 0, r.randint(2, 9))
        if ret in ("int", "bool", "string"):
            body.append(f"{ind}    return {dict(int='0', bool='false', string='string.Empty')[ret]};")
        return head + body + [f"{ind}}}"]

    def cls(self, ind: str) -> list[str]:
        r = self.r
        name = camel(r) + CAMEL_SUFFIX
        kind = r.choice(["public sealed class", "internal class", "public class", "public partial class"])
        out = [f"{ind}/// <summary>", f"{ind}/// {sentence(r)}", f"{ind}/// </summary>", f"{ind}{kind} {name}", f"{ind}{{"]
        inner = ind + "    "
        out.append(f"{inner}private readonly ILogger<{name}> _logger;")
        for _ in range(r.randint(1, 5)):
            out.append(f"{inner}private {r.choice(CS_TYPES)} {self.field()};")
        for _ in range(r.randint(0, 3)):
            out.append(f"{inner}public {r.choice(CS_TYPES)} {camel(r)} {{ get; {r.choice(['set; ', 'init; ', ''])}}}")
        out.append("")
        for _ in range(r.randint(1, 4)):
            out += self.method(inner) + [""]
        return out[:-1] + [f"{ind}}}"]

    def enum(self, ind: str) -> list[str]:
        r = self.r
        items = [f"{ind}    {camel(r, 1)}{CAMEL_SUFFIX}{' = ' + str(i) if r.random() < 0.3 else ''}," for i in range(r.randint(2, 8))]
        return [f"{ind}public enum {camel(r)}{CAMEL_SUFFIX}", f"{ind}{{"] + items + [f"{ind}}}"]

    def record(self, ind: str) -> list[str]:
        r = self.r
        params = ", ".join(f"{r.choice(CS_TYPES)} {camel(r, 1)}" for _ in range(r.randint(1, 4)))
        return [f"{ind}public sealed record {camel(r)}{CAMEL_SUFFIX}({params});"]

    def interface(self, ind: str) -> list[str]:
        r = self.r
        members = [f"{ind}    {r.choice(CS_TYPES)} {camel(r)}({r.choice(CS_TYPES)} {self.var()});" for _ in range(r.randint(1, 4))]
        return [f"{ind}public interface I{camel(r)}{CAMEL_SUFFIX}", f"{ind}{{"] + members + [f"{ind}}}"]

    def item(self, ind: str = "    ") -> str:
        k = self.r.random()
        if k < 0.70: lines = self.cls(ind)
        elif k < 0.80: lines = self.enum(ind)
        elif k < 0.90: lines = self.record(ind)
        else: lines = self.interface(ind)
        return "\n".join(lines) + "\n"

    def usings(self) -> str:
        r = self.r
        uses = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading",
                "System.Threading.Tasks", "Microsoft.Extensions.Logging", "System.Text", "System.Buffers"]
        return "\n".join(f"using {u};" for u in sorted(r.sample(uses, r.randint(3, 7)))) + "\n"


# ---------------------------------------------------------------------------------------------
# C++

CPP_TYPES = ["int", "std::size_t", "std::uint32_t", "std::uint64_t", "std::int64_t", "bool", "double", "std::string",
             "std::string_view", "std::vector<int>", "std::vector<std::string>", "std::optional<int>",
             "std::map<std::string, int>", "std::unordered_map<std::uint64_t, std::string>",
             "std::chrono::milliseconds", "std::array<std::uint8_t, 32>"]
CPP_SIMPLE = ["int", "std::size_t", "std::uint32_t", "std::uint64_t", "long", "unsigned"]
CPP_INCLUDES = ["<algorithm>", "<array>", "<chrono>", "<cstdint>", "<cstdio>", "<map>", "<memory>", "<mutex>",
                "<optional>", "<stdexcept>", "<string>", "<string_view>", "<unordered_map>", "<utility>", "<vector>"]


class CppGen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def var(self) -> str:
        return self.r.choice(NOUNS) if self.r.random() < 0.6 else snake(self.r)

    def member(self) -> str:
        return self.r.choice(NOUNS) + "_"

    def lit(self) -> str:
        r = self.r
        k = r.randrange(7)
        if k == 0: return str(r.randrange(0, 1000))
        if k == 1: return f"0x{r.randrange(0, 1 << 16):x}u"
        if k == 2: return '"' + string_text(r) + '"'
        if k == 3: return f"{r.randrange(1, 64)}u"
        if k == 4: return r.choice(["true", "false", "nullptr"])
        if k == 5: return f"'{r.choice('abcxyz')}'"
        return f"{r.randrange(1, 100)}.{r.randrange(0, 10)}"

    def expr(self, depth: int = 0) -> str:
        r = self.r
        k = r.randrange(12 if depth < 2 else 3)
        if k == 0: return self.lit()
        if k == 1: return self.var()
        if k == 2: return f"{self.var()}.{r.choice(['size()', 'empty()', 'front()', 'back()', 'data()'])}"
        if k == 3: return f"{snake(r)}({self.expr(depth + 1)}, {self.var()})"
        if k == 4: return f"{self.expr(depth + 1)} {r.choice(['+', '-', '*', '&', '|', '<<'])} {r.randrange(1, 16)}"
        if k == 5: return f"static_cast<{r.choice(CPP_SIMPLE)}>({self.var()})"
        if k == 6: return f"std::min<std::size_t>({self.var()}.size(), {r.randrange(1, 4096)})"
        if k == 7: return f"std::make_unique<{camel(r)}>({self.var()})"
        if k == 8: return f"{self.var()}.empty() ? {self.lit()} : {self.lit()}"
        if k == 9: return f"{self.member()}.{snake(r)}()"
        if k == 10: return f"std::string({self.lit()})"
        return f"({self.expr(depth + 1)})"

    def cond(self) -> str:
        r = self.r
        return r.choice([f"{self.var()} > {r.randrange(100)}", f"{self.var()} == nullptr", f"!{self.var()}.empty()",
                         f"{self.var()}.size() < {r.randrange(2, 1000)} && {self.var()}", f"({self.var()} & 0x{r.randrange(1, 255):x}u) != 0",
                         f"{self.member()}.has_value()"])

    def block(self, ind: str, depth: int, count: int) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            lines.extend(self.stmt(ind, depth))
        return lines

    def stmt(self, ind: str, depth: int) -> list[str]:
        r = self.r
        k = r.randrange(13 if depth < 2 else 7)
        if k == 0: return [f"{ind}auto {self.var()} = {self.expr()};"]
        if k == 1: return [f"{ind}{r.choice(CPP_SIMPLE)} {self.var()} = {r.randrange(0, 1000)};"]
        if k == 2: return [f"{ind}{self.var()}.{r.choice(['push_back', 'emplace_back', 'insert', 'erase', 'reserve'])}({self.expr()});"]
        if k == 3: return [f"{ind}// {sentence(r)}"]
        if k == 4: return [f'{ind}std::fprintf(stderr, "{string_text(r)}: %d\\n", static_cast<int>({self.var()}));']
        if k == 5: return [f"{ind}{self.member()} += {r.randrange(1, 9)};"]
        if k == 6: return [f"{ind}std::lock_guard<std::mutex> lock({self.member()});"]
        inner = ind + "  "
        if k == 7:
            out = [f"{ind}if ({self.cond()}) {{"] + self.block(inner, depth + 1, r.randint(1, 3))
            if r.random() < 0.5:
                out += [f"{ind}}} else {{"] + self.block(inner, depth + 1, r.randint(1, 3))
            return out + [f"{ind}}}"]
        if k == 8:
            return [f"{ind}for (const auto& {r.choice(NOUNS)} : {self.var()}) {{"] + self.block(inner, depth + 1, r.randint(1, 3)) + [f"{ind}}}"]
        if k == 9:
            out = [f"{ind}switch ({self.var()}) {{"]
            for c in sorted(r.sample(range(20), r.randint(1, 4))):
                out += [f"{ind}  case {c}:"] + self.block(inner + "  ", depth + 1, r.randint(1, 2)) + [f"{inner}  break;"]
            return out + [f"{ind}  default:", f"{inner}  break;", f"{ind}}}"]
        if k == 10:
            n = r.choice(NOUNS)
            return [f"{ind}auto {self.var()} = [&]({r.choice(CPP_SIMPLE)} {n}) {{", f"{inner}return {n} + {r.randrange(1, 64)};", f"{ind}}};"]
        if k == 11:
            return ([f"{ind}try {{"] + self.block(inner, depth + 1, r.randint(1, 3)) +
                    [f"{ind}}} catch (const std::exception& e) {{", f'{inner}std::fprintf(stderr, "{string_text(r)}: %s\\n", e.what());', f"{ind}}}"])
        return [f"{ind}for (std::size_t i = 0; i < {self.var()}.size(); ++i) {{"] + self.block(inner, depth + 1, r.randint(1, 2)) + [f"{ind}}}"]

    def params(self) -> str:
        r = self.r
        return ", ".join(f"{r.choice(['', 'const '])}{r.choice(CPP_TYPES)}{r.choice(['', '&']) if True else ''} {r.choice(NOUNS)}"
                         for _ in range(r.randint(0, 3)))

    def fn(self, ind: str = "", method: bool = False) -> list[str]:
        r = self.r
        ret = r.choice(["void", "int", "bool", "std::size_t", "std::string", "auto"])
        name = snake(r) + SNAKE_SUFFIX
        qual = " const" if method and r.random() < 0.4 else ""
        lead = "" if method else r.choice(["", "static ", "inline ", ""])
        body = self.block(ind + "  ", 0, r.randint(2, 10))
        if ret != "void":
            body.append(f"{ind}  return {dict(int='0', bool='false', auto='0')[ret] if ret in ('int', 'bool', 'auto') else ('{}' if ret == 'std::string' else '0')};")
        return [f"{ind}// {sentence(r)}", f"{ind}{lead}{ret} {name}({self.params()}){qual} {{"] + body + [f"{ind}}}"]

    def cls(self) -> list[str]:
        r = self.r
        name = camel(r) + CAMEL_SUFFIX
        p = r.choice(NOUNS)
        ptype = r.choice(CPP_TYPES)
        out = [f"/// {sentence(r)}", f"class {name} {{", " public:",
               f"  explicit {name}({ptype} {p}) : {p}_(std::move({p})) {{}}", ""]
        for _ in range(r.randint(1, 3)):
            out += self.fn("  ", method=True) + [""]
        out += [" private:", f"  {ptype} {p}_;"]
        for _ in range(r.randint(0, 4)):
            out.append(f"  {r.choice(CPP_TYPES)} {r.choice(NOUNS)}_{r.choice(NOUNS)}_{{}};")
        return out + ["};"]

    def struct(self) -> list[str]:
        r = self.r
        fields = []
        for _ in range(r.randint(2, 8)):
            t = r.choice(CPP_TYPES)
            fields.append(f"  {t} {snake(r, r.randint(1, 2))}{' = ' + str(r.randrange(0, 100)) if t in CPP_SIMPLE and r.random() < 0.5 else ''};")
        return [f"struct {camel(r)}{CAMEL_SUFFIX} {{"] + fields + ["};"]

    def enum(self) -> list[str]:
        r = self.r
        items = [f"  k{camel(r, 1)}{CAMEL_SUFFIX}{' = ' + str(i * 4) if r.random() < 0.3 else ''}," for i in range(r.randint(2, 8))]
        return [f"enum class {camel(r)}{CAMEL_SUFFIX} : std::uint8_t {{"] + items + ["};"]

    def template(self) -> list[str]:
        r = self.r
        n = r.choice(NOUNS)
        return ["template <typename T>", f"T {snake(r)}{SNAKE_SUFFIX}(const std::vector<T>& {n}s) {{", "  T total{};",
                f"  for (const auto& {n} : {n}s) {{", f"    total += {n};", "  }", "  return total;", "}"]

    def aliases(self) -> list[str]:
        r = self.r
        out = []
        for _ in range(r.randint(1, 3)):
            if r.random() < 0.5:
                out.append(f"using {camel(r)}{CAMEL_SUFFIX} = {r.choice(CPP_TYPES)};")
            else:
                out.append(f"constexpr {r.choice(CPP_SIMPLE)} k{camel(r)}{CAMEL_SUFFIX} = {r.randrange(1, 1 << 16)};")
        return out

    def namespaced(self, inner: list[list[str]]) -> list[str]:
        name = snake(self.r, 1) + SNAKE_SUFFIX
        out = [f"namespace {name} {{", ""]
        for lines in inner:
            out += lines + [""]
        return out + [f"}}  // namespace {name}"]

    def item(self) -> str:
        k = self.r.random()
        if k < 0.40: lines = self.fn()
        elif k < 0.62: lines = self.cls()
        elif k < 0.72: lines = self.struct()
        elif k < 0.78: lines = self.enum()
        elif k < 0.84: lines = self.template()
        elif k < 0.90: lines = self.aliases()
        else: lines = self.namespaced([self.fn() for _ in range(self.r.randint(1, 3))])
        return "\n".join(lines) + "\n"

    def header_item(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.35:
            name = camel(r) + CAMEL_SUFFIX
            decls = [f"  {r.choice(['void', 'int', 'bool', 'std::size_t'])} {snake(r)}({self.params()}){r.choice(['', ' const'])};" for _ in range(r.randint(1, 6))]
            lines = [f"/// {sentence(r)}", f"class {name} {{", " public:"] + decls + [" private:", f"  {r.choice(CPP_TYPES)} {r.choice(NOUNS)}_;", "};"]
        elif k < 0.55: lines = self.struct()
        elif k < 0.70: lines = self.enum()
        elif k < 0.82: lines = self.template()
        elif k < 0.92: lines = self.aliases()
        else:
            lines = self.fn()
            lines[1] = "inline " + lines[1].removeprefix("static ").removeprefix("inline ")
        return "\n".join(lines) + "\n"

    def header(self) -> str:
        r = self.r
        head = [f"// {sentence(r)}", f"// {sentence(r)}", ""]
        return "\n".join(head + [f"#include {i}" for i in sorted(r.sample(CPP_INCLUDES, r.randint(3, 8)))]) + "\n"


# ---------------------------------------------------------------------------------------------
# Scripts, build files, workflows and docs: the files where Wasmtime command lines live. Most of
# them (as in a real repository) never run wasmtime; fillers are drawn from these generators.

def title(rng: random.Random, lo: int = 2, hi: int = 5) -> str:
    words = [rng.choice(VERBS + NOUNS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).replace("_", " ").capitalize()


def kebab(rng: random.Random, parts: int = 2) -> str:
    return "-".join(rng.choice(NOUNS).replace("_", "-") for _ in range(parts))


class ShellGen:
    def __init__(self, rng: random.Random, crates: list[str], dirs: list[str], projects: list[str]):
        self.r, self.crates, self.dirs, self.projects = rng, crates, dirs, projects

    def name(self) -> str:
        return upper(self.r, 2)

    def cmd(self) -> str:
        r = self.r
        k = r.randrange(12)
        if k == 0: return f"cargo build --release -p {r.choice(self.crates)}"
        if k == 1: return f"cargo test -p {r.choice(self.crates)} --no-fail-fast"
        if k == 2: return f"cmake -S {r.choice(self.dirs)} -B build/{r.choice(NOUNS)} -DCMAKE_BUILD_TYPE=Release"
        if k == 3: return f"cmake --build build/{r.choice(NOUNS)} --parallel \"$(nproc)\""
        if k == 4: return f"dotnet test {r.choice(self.projects)} -c Release --no-build"
        if k == 5: return f"mkdir -p \"${{OUT_DIR:-out}}/{r.choice(NOUNS)}\""
        if k == 6: return f"rm -rf build/{r.choice(NOUNS)}"
        if k == 7: return f"echo \"{string_text(r)}\""
        if k == 8: return f"git -C {r.choice(self.dirs)} rev-parse --short HEAD"
        if k == 9: return f"python3 tools/{snake(r)}.py --{r.choice(NOUNS).replace('_', '-')} \"${{1:-{r.choice(NOUNS)}}}\""
        if k == 10: return f"rsync -a {r.choice(self.dirs)}/ \"${{OUT_DIR:-out}}/{r.choice(NOUNS)}/\""
        return f"printf '%s\\n' \"{string_text(r)}\" >&2"

    def chunk(self) -> str:
        r = self.r
        k = r.randrange(8)
        if k == 0:
            fn = snake(r)
            body = [f"  {self.cmd()}" for _ in range(r.randint(1, 5))]
            return "\n".join([f"{fn}() {{", f"  local {r.choice(NOUNS)}=\"${{1:-{r.choice(NOUNS)}}}\""] + body + ["}"]) + "\n"
        if k == 1:
            out = [f"if [ -n \"${{{self.name()}:-}}\" ]; then"] + [f"  {self.cmd()}" for _ in range(r.randint(1, 3))]
            if r.random() < 0.4:
                out += ["else"] + [f"  {self.cmd()}" for _ in range(r.randint(1, 2))]
            return "\n".join(out + ["fi"]) + "\n"
        if k == 2:
            n = r.choice(NOUNS)
            items = " ".join(r.choice(NOUNS) for _ in range(r.randint(2, 5)))
            return "\n".join([f"for {n} in {items}; do", f"  {self.cmd()}", f"  echo \"{string_text(r)}: ${{{n}}}\"", "done"]) + "\n"
        if k == 3:
            return "\n".join(f"export {self.name()}=\"{r.choice(NOUNS)}\"" for _ in range(r.randint(1, 3))) + "\n"
        if k == 4:
            return "\n".join(f"# {sentence(r)}" for _ in range(r.randint(1, 3))) + "\n"
        if k == 5:
            return "\n".join([f"case \"${{1:-}}\" in", f"  {r.choice(NOUNS)})", f"    {self.cmd()}", "    ;;",
                              "  *)", f"    {self.cmd()}", "    ;;", "esac"]) + "\n"
        if k == 6:
            return "\n".join(self.cmd() for _ in range(r.randint(1, 4))) + "\n"
        return f"{self.name()}={r.randrange(1, 64)}\n"

    def header(self) -> str:
        r = self.r
        return f"#!/usr/bin/env bash\n# {sentence(r)}\nset -euo pipefail\n"


class MakeGen:
    def __init__(self, rng: random.Random, crates: list[str]):
        self.r, self.crates = rng, crates

    def recipe(self) -> str:
        r = self.r
        k = r.randrange(7)
        if k == 0: return "$(CC) $(CFLAGS) -c $< -o $@"
        if k == 1: return f"cargo build --release -p {r.choice(self.crates)}"
        if k == 2: return f"@echo \"{string_text(r)}\""
        if k == 3: return "rm -rf $(BUILD_DIR)"
        if k == 4: return f"$(MAKE) -C {r.choice(NOUNS)} {r.choice(['all', 'check', 'install'])}"
        if k == 5: return "@mkdir -p $(dir $@)"
        return f"cmake --build $(BUILD_DIR) --target {r.choice(NOUNS)}"

    def chunk(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return "\n".join(f"{upper(r, 2)} {r.choice(['?=', ':=', '='])} {r.choice([str(r.randrange(1, 99)), r.choice(NOUNS), '$(BUILD_DIR)/' + r.choice(NOUNS)])}"
                             for _ in range(r.randint(1, 4))) + "\n"
        if k == 1:
            target = r.choice(NOUNS)
            deps = " ".join(r.choice(NOUNS) for _ in range(r.randint(0, 3)))
            return "\n".join([f".PHONY: {target}", f"{target}:{' ' + deps if deps else ''}"] + [f"\t{self.recipe()}" for _ in range(r.randint(1, 4))]) + "\n"
        if k == 2:
            return "\n".join(["$(BUILD_DIR)/%.o: src/%.c", "\t@mkdir -p $(dir $@)", "\t$(CC) $(CFLAGS) -c $< -o $@"]) + "\n"
        if k == 3:
            return "\n".join(f"# {sentence(r)}" for _ in range(r.randint(1, 2))) + "\n"
        return "\n".join([f"{r.choice(NOUNS)}-{r.choice(NOUNS)}: $(BUILD_DIR)/{r.choice(NOUNS)}.o", f"\t{self.recipe()}"]) + "\n"

    def header(self) -> str:
        return f"# {sentence(self.r)}\n\nCC ?= cc\nCFLAGS += -O2 -Wall\nBUILD_DIR := build\n"


class PyGen:
    def __init__(self, rng: random.Random, crates: list[str]):
        self.r, self.crates = rng, crates

    def lit(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k == 0: return str(r.randrange(0, 10000))
        if k == 1: return '"' + string_text(r) + '"'
        if k == 2: return "[" + ", ".join(f'"{r.choice(NOUNS)}"' for _ in range(r.randint(1, 5))) + "]"
        if k == 3: return "{" + ", ".join(f'"{r.choice(NOUNS)}": {r.randrange(100)}' for _ in range(r.randint(1, 4))) + "}"
        return r.choice(["True", "False", "None"])

    def stmt(self, ind: str, depth: int) -> list[str]:
        r = self.r
        k = r.randrange(9 if depth < 2 else 5)
        if k == 0: return [f"{ind}{snake(r, 1).replace('yield', 'yielded').replace('try', 'tries')} = {self.lit()}"]
        if k == 1: return [f"{ind}print(f\"{string_text(r)}: {{{r.choice(NOUNS)}}}\", file=sys.stderr)"]
        if k == 2: return [f"{ind}subprocess.run([\"cargo\", \"build\", \"--release\", \"-p\", \"{r.choice(self.crates)}\"], check=True)"]
        if k == 3: return [f"{ind}# {sentence(r)}"]
        if k == 4: return [f"{ind}{r.choice(NOUNS)}s.append({snake(r)}({r.choice(NOUNS)}))"]
        inner = ind + "    "
        if k == 5:
            out = [f"{ind}if {r.choice(NOUNS)} {r.choice(['is None', '> 0', '== ' + repr(r.choice(NOUNS))])}:"] + self.block(inner, depth + 1)
            if r.random() < 0.4:
                out += [f"{ind}else:"] + self.block(inner, depth + 1)
            return out
        if k == 6:
            return [f"{ind}for {r.choice(NOUNS)} in {r.choice(NOUNS)}s:"] + self.block(inner, depth + 1)
        if k == 7:
            return [f"{ind}with open({r.choice(NOUNS)}_path, encoding=\"utf-8\") as f:"] + [f"{inner}{r.choice(NOUNS)} = json.load(f)"]
        return [f"{ind}try:"] + self.block(inner, depth + 1) + [f"{ind}except (OSError, ValueError) as error:", f"{inner}print(error, file=sys.stderr)"]

    def block(self, ind: str, depth: int) -> list[str]:
        out: list[str] = []
        for _ in range(self.r.randint(1, 3)):
            out += self.stmt(ind, depth)
        if all(line.lstrip().startswith("#") for line in out):
            out.append(f"{ind}pass")  # a block of comments only is not a block
        return out

    def chunk(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.25:
            return "\n".join(f"{upper(r, 2)} = {self.lit()}" for _ in range(r.randint(1, 3))) + "\n"
        params = ", ".join(r.choice(NOUNS) for _ in range(r.randint(0, 3)))
        body = [f'    """{sentence(r)}"""'] + self.block("    ", 0) + self.block("    ", 0) + [f"    return {self.lit()}"]
        return "\n".join([f"def {snake(r)}({params}):"] + body) + "\n"

    def header(self) -> str:
        r = self.r
        imports = sorted(r.sample(["import argparse", "import json", "import os", "import subprocess", "import sys",
                                   "import shutil", "import re"], r.randint(2, 5)) + ["import subprocess", "import sys", "import json"])
        return f'"""{sentence(r)}"""\n\n' + "\n".join(dict.fromkeys(imports)) + "\n"


class WorkflowGen:
    def __init__(self, rng: random.Random, crates: list[str], dirs: list[str]):
        self.r, self.crates, self.dirs = rng, crates, dirs

    def step(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return f"      - name: {title(r)}\n        run: cargo test -p {r.choice(self.crates)}\n"
        if k == 1:
            d = r.choice(self.dirs)
            return (f"      - name: {title(r)}\n        run: |\n          cmake -S {d} -B build\n"
                    f"          cmake --build build --parallel\n          ctest --test-dir build --output-on-failure\n")
        if k == 2:
            return ("      - uses: actions/cache@v4\n        with:\n          path: target\n"
                    "          key: ${{ runner.os }}-cargo-${{ hashFiles('**/Cargo.lock') }}\n")
        if k == 3:
            return f"      - name: {title(r)}\n        run: dotnet test dotnet --configuration Release\n"
        return f"      - name: {title(r)}\n        run: echo \"{string_text(r).replace(':', '')}\"\n"  # no `: ` in a plain scalar

    def render(self, budget: int, env: list[str], steps: str | None) -> str:
        r = self.r
        text = [f"name: {title(r)}", "", "on:", "  push:", "    branches: [main]", "  pull_request:", "",
                "env:", "  CARGO_TERM_COLOR: always", f"  RUST_BACKTRACE: {r.randrange(0, 2)}"] + env + ["", "jobs:"]
        size = sum(len(t) + 1 for t in text)
        jobs = max(1, min(6, budget // 700))
        special_job = r.randrange(jobs)
        for j in range(jobs):
            head = f"  {r.choice(NOUNS).replace('_', '-')}-{j}:\n    runs-on: {r.choice(['ubuntu-latest', 'ubuntu-22.04', 'windows-latest'])}\n    steps:\n      - uses: actions/checkout@v4\n"
            body = [self.step() for _ in range(r.randint(1, 5))]
            if j == special_job and steps:
                body.insert(r.randrange(len(body) + 1), steps)
            job = head + "".join(body)
            text.append(job)
            size += len(job)
        return "\n".join(text)


class MSBuildGen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def chunk(self) -> str:
        r = self.r
        k = r.randrange(4)
        if k == 0:
            props = []
            for _ in range(r.randint(1, 5)):
                name = camel(r) + r.choice(["Enabled", "Timeout", "Mode", "Level"])
                props.append(f"    <{name}>{r.choice(['true', 'false', str(r.randrange(1, 120)), r.choice(NOUNS)])}</{name}>")
            return "  <PropertyGroup>\n" + "\n".join(props) + "\n  </PropertyGroup>\n"
        if k == 1:
            items = [f"    <{r.choice(['Compile', 'None', 'Content'])} {r.choice(['Include', 'Remove', 'Update'])}=\"{camel(r)}/**/*.{r.choice(['cs', 'json', 'txt'])}\" />" for _ in range(r.randint(1, 4))]
            return "  <ItemGroup>\n" + "\n".join(items) + "\n  </ItemGroup>\n"
        if k == 2:
            name = camel(r)
            return (f"  <Target Name=\"{name}\" AfterTargets=\"Build\">\n    <Message Importance=\"high\" Text=\"{string_text(r)}\" />\n"
                    f"    <Exec Command=\"dotnet tool run {r.choice(NOUNS)} -- --{r.choice(NOUNS)} $(OutputPath)\" />\n  </Target>\n")
        return f"  <!-- {sentence(r)} -->\n"

    def render(self, budget: int, specials: list[str]) -> str:
        r = self.r
        items: list[str] = []
        size = 0
        while size < budget:
            c = self.chunk()
            items.append(c)
            size += len(c)
        for s in specials:
            items.insert(r.randrange(len(items) + 1), s)
        return "<Project>\n" + "".join(items) + "</Project>\n"


class TomlGen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def value(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k == 0: return str(r.randrange(0, 10000))
        if k == 1: return '"' + string_text(r) + '"'
        if k == 2: return r.choice(["true", "false"])
        if k == 3: return "[" + ", ".join(f'"{r.choice(NOUNS)}"' for _ in range(r.randint(1, 4))) + "]"
        return f"{r.randrange(1, 100)}.{r.randrange(0, 10)}"

    def table(self, taken: set[str]) -> str:
        r = self.r
        while True:
            name = snake(r, r.randint(1, 2)).replace("_", r.choice(["_", "."]))
            if name.split(".")[0] not in taken:
                taken.add(name.split(".")[0])
                break
        head = f"[[{name}]]" if r.random() < 0.2 else f"[{name}]"
        keys = dict.fromkeys(snake(r, r.randint(1, 2)) for _ in range(r.randint(1, 6)))
        lines = [head] + [f"{key} = {self.value()}" for key in keys]
        if r.random() < 0.2:
            lines.insert(1, f"# {sentence(r)}")
        return "\n".join(lines) + "\n"

    def render(self, budget: int, specials: list[str]) -> str:
        r = self.r
        items: list[str] = []
        taken: set[str] = {"wasm"}
        size = 0
        while size < budget:
            t = self.table(taken)
            items.append(t)
            size += len(t)
        for s in specials:
            items.insert(r.randrange(len(items) + 1), s)
        return f"# {sentence(r)}\n\n" + "\n".join(items)


class MarkdownGen:
    def __init__(self, rng: random.Random, crates: list[str]):
        self.r, self.crates = rng, crates

    def chunk(self) -> str:
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return " ".join(sentence(r, 6, 16) for _ in range(r.randint(2, 5))) + "\n"
        if k == 1:
            return "\n".join(f"- {sentence(r)}" for _ in range(r.randint(2, 6))) + "\n"
        if k == 2:
            return f"```sh\ncargo build --release -p {r.choice(self.crates)}\ncargo test -p {r.choice(self.crates)}\n```\n"
        return f"## {title(r)}\n"

    def render(self, budget: int, specials: list[str]) -> str:
        r = self.r
        items: list[str] = []
        size = 0
        while size < budget:
            c = self.chunk()
            items.append(c)
            size += len(c)
        for s in specials:
            items.insert(r.randrange(len(items) + 1), s)
        return f"# {title(r)}\n\n" + "\n".join(items)

# ---------------------------------------------------------------------------------------------
# Item pools: generated once per run, drawn from by every file.

POOL_SIZE = 1500


def clean(item: str) -> bool:
    return not any(n in item for n in NEEDLES)


def make_pool(factory, count: int) -> list[str]:
    pool: list[str] = []
    while len(pool) < count:
        item = factory()
        if clean(item):
            pool.append(item)
    return pool


@dataclass
class Pools:
    rust: list[str]
    c: list[str]
    h: list[str]
    cs: list[str]
    cpp: list[str]
    hpp: list[str]


def build_pools(seed: int) -> Pools:
    rng = random.Random(f"{seed}:pools")
    return Pools(
        rust=make_pool(RustGen(rng).item, POOL_SIZE),
        c=make_pool(CGen(rng).item, POOL_SIZE),
        h=make_pool(CGen(rng).header_item, POOL_SIZE // 2),
        cs=make_pool(CSharpGen(rng).item, POOL_SIZE),
        cpp=make_pool(CppGen(rng).item, POOL_SIZE // 2),
        hpp=make_pool(CppGen(rng).header_item, POOL_SIZE // 4),
    )


def suffix(rng: random.Random) -> tuple[str, str]:
    token = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(3))
    return "_" + token, token[0].upper() + token[1:]


def fill(pool: list[str], rng: random.Random, budget: int, indent_items: bool = False) -> list[str]:
    """Items drawn from the pool until their size reaches the budget (bytes, roughly)."""
    items: list[str] = []
    size = 0
    misses = 0
    while size < budget:
        s_snake, s_camel = suffix(rng)
        item = rng.choice(pool)
        if size + len(item) > budget + 256 and misses < 8:
            misses += 1  # prefer an item that fits, so sizes follow the chosen distribution
            continue
        item = item.replace(SNAKE_SUFFIX.upper(), s_snake.upper()).replace(SNAKE_SUFFIX, s_snake).replace(CAMEL_SUFFIX, s_camel)
        items.append(item)
        size += len(item) + 1
    return items


# ---------------------------------------------------------------------------------------------
# Wasmtime facts and the contract's rules, as the expected results are computed

@dataclass(frozen=True)
class Project:
    kind: str  # crates | legacy | native | next | dotnet | cpp
    name: str
    directory: str  # relative to the tree


VERSIONS = {"crates": (25, 0, 0), "legacy": (11, 0, 0), "native": (25, 0, 0), "next": (47, 0, 0), "dotnet": (22, 0, 0),
            "cpp": (25, 0, 0)}
LANGUAGE_OF_KIND = {"crates": "rust", "legacy": "rust", "native": "c", "next": "c", "dotnet": "csharp", "cpp": "cpp"}


def default_max(version) -> int:
    return 512 * KIB if version >= (0, 35, 0) else MIB


def default_async(version) -> int:
    return 2 * MIB


def check_applies(version, language: str, async_support) -> bool:
    """wasmtime-facts.md §1.2 (with the async Cargo feature on, its default)."""
    if language == "rust":
        if version < (0, 25, 0): return False
        if version < (12, 0, 0): return True
        if version < (42, 0, 0): return async_support is True
        return True
    # C API (from C or C++), and wasmtime-dotnet which wraps the C API of the same version
    if version < (10, 0, 0): return False
    if version < (12, 0, 0): return True
    if version < (42, 0, 0): return async_support is True
    return True


def has_async_stack_setter(version, language: str) -> bool:
    if language == "rust": return version >= (0, 25, 0)
    if language in ("c", "cpp"): return version >= (14, 0, 0)  # wasmtime.hh reaches it through config.capi()
    return False  # wasmtime-dotnet cannot set it


@dataclass
class SiteSpec:
    setting: str  # max_wasm_stack | async_stack_size | async_support
    value: object  # int, bool, or None when not a compile-time constant


def expected_findings(sites: list[SiteSpec], version, language: str) -> list[tuple[str, int]]:
    """(rule, index of the site it points at) for one engine configuration, per CONTRACT.md."""
    def last(setting):
        idx = [i for i, s in enumerate(sites) if s.setting == setting]
        return idx[-1] if idx else None

    i_max, i_async, i_support = last("max_wasm_stack"), last("async_stack_size"), last("async_support")
    support = sites[i_support].value if i_support is not None else None
    if i_max is None: max_src, max_val = "default", default_max(version)
    elif sites[i_max].value is None: max_src, max_val = "unresolved", None
    else: max_src, max_val = "explicit", sites[i_max].value
    if i_async is None: async_src, async_val = "default", default_async(version)
    elif sites[i_async].value is None: async_src, async_val = "unresolved", None
    else: async_src, async_val = "explicit", sites[i_async].value
    applies = check_applies(version, language, support)
    anchor = i_max if i_max is not None else (i_async if i_async is not None else 0)

    found: list[tuple[str, int]] = []
    exceeds = max_val is not None and async_val is not None and max_val > async_val and max_val != 0
    if exceeds and applies: found.append(("WF001", anchor))
    if "unresolved" in (max_src, async_src): found.append(("WF002", anchor))
    if max_src != "default" and async_src == "default" and has_async_stack_setter(version, language):
        found.append(("WF003", anchor))
    if max_src == "default" and async_src != "default": found.append(("WF003", anchor))
    if max_src == "explicit" and max_val == 0: found.append(("WF004", i_max))
    if exceeds and not applies: found.append(("WF005", anchor))
    return found


# ---------------------------------------------------------------------------------------------
# Value spellings

def rust_size(rng: random.Random, v: int) -> str:
    options = [str(v), f"{v:_}"]
    if v % MIB == 0: options += [f"{v // MIB} << 20", f"{v // MIB} * 1024 * 1024", f"{v // MIB}usize << 20"]
    if v % KIB == 0: options += [f"{v // KIB} * 1024", f"{v // KIB} << 10"]
    if v % 0x1000 == 0: options.append(f"0x{v:x}")
    return rng.choice(options)


def c_size(rng: random.Random, v: int) -> str:
    options = [str(v), f"{v}u", f"{v}UL"]
    if v % MIB == 0: options += [f"{v // MIB}u << 20", f"{v // MIB} * 1024 * 1024", f"(size_t){v // MIB} << 20"]
    if v % KIB == 0: options += [f"{v // KIB} * 1024", f"{v // KIB}ul << 10"]
    if v % 0x1000 == 0: options.append(f"0x{v:x}")
    return rng.choice(options)


def cs_size(rng: random.Random, v: int) -> str:
    options = [str(v)]
    if v % MIB == 0: options += [f"{v // MIB} * 1024 * 1024", f"{v // MIB} << 20"]
    if v % KIB == 0: options += [f"{v // KIB} * 1024"]
    if v % 0x1000 == 0: options.append(f"0x{v:X}")
    return rng.choice(options)


def big(rng):  # above the 2 MiB default async stack
    return rng.choice([3, 4, 5, 6, 8, 16, 32, 64, 128]) * MIB


def small(rng):  # at most 2 MiB
    return rng.choice([256 * KIB, 512 * KIB, 768 * KIB, 1 * MIB, 1536 * KIB, 2 * MIB])


# ---------------------------------------------------------------------------------------------
# Configuration shapes. Each returns a Config: code (one item, with MARK before each setting
# name), the sites in order, the groups (lists of site indexes), and constants to define
# elsewhere in the project (file role -> items).

@dataclass
class Config:
    code: str
    sites: list[SiteSpec]
    groups: list[list[int]]
    constants: dict[str, list[str]] = field(default_factory=dict)  # "limits" -> items
    shape: str = ""
    # Groups (by index) that only forward a parameter to a setter: bindings, judged at their callers.
    pass_through: tuple = ()


def fn_name(rng) -> str:
    return rng.choice(["build_engine", "make_engine", "engine_for_tests", "configure_runtime", "new_engine",
                       "engine_with_limits", "create_engine", "runtime_engine"]) + "_" + rng.choice(NOUNS)


def rust_statements_async(rng, k):
    m = big(rng)
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}async_support(true);
    config.{MARK}max_wasm_stack({rust_size(rng, m)}); // deep recursion in the guest
    config.cranelift_opt_level(OptLevel::Speed);
    let engine = Engine::new(&config)?;
    Ok(engine)
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m)], [[0, 1]])


def rust_chain_valid(rng, k):
    m = small(rng)
    a = m + rng.choice([0, 512 * KIB, 1 * MIB, 2 * MIB])
    code = f"""pub fn {fn_name(rng)}() -> wasmtime::Result<Engine> {{
    let engine = Engine::new(
        Config::new()
            .{MARK}async_support(true)
            .wasm_component_model(true)
            .{MARK}max_wasm_stack({rust_size(rng, m)})
            .{MARK}async_stack_size({rust_size(rng, a)}),
    )?;
    Ok(engine)
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", a)], [[0, 1, 2]])


def rust_crate_limits(rng, k):
    m = big(rng)
    a = m // 2
    name_m, name_a = f"WASM_STACK_LIMIT_{k}", f"WASM_ASYNC_STACK_{k}"
    code = f"""/// {sentence(rng)}
pub fn {fn_name(rng)}(store_limits: &StoreLimits) -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}async_support(true);
    config.{MARK}max_wasm_stack(crate::limits::{name_m});
    config.{MARK}async_stack_size(crate::limits::{name_a});
    config.epoch_interruption(true);
    Engine::new(&config)
}}
"""
    consts = [f"/// {sentence(rng)}\npub const {name_m}: usize = {rust_size(rng, m)};\n",
              f"pub const {name_a}: usize = {rust_size(rng, a)};\n"]
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", a)], [[0, 1, 2]], {"limits": consts})


def rust_use_import_equal(rng, k):
    m = big(rng)
    name = f"WASM_GUEST_STACK_{k}"
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    use crate::limits::{name};

    let mut cfg = Config::default();
    cfg.{MARK}max_wasm_stack({name});
    cfg.{MARK}async_stack_size({name});
    Engine::new(&cfg)
}}
"""
    consts = [f"pub const {name}: usize = {rust_size(rng, m)};\n"]
    return Config(code, [SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m)], [[0, 1]], {"limits": consts})


def rust_env_var(rng, k):
    a = big(rng)
    var = rng.choice(["stack_bytes", "wasm_stack", "guest_stack"])
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let {var} = std::env::var("APP_GUEST_STACK_BYTES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1 << 20);
    let mut config = Config::new();
    config.{MARK}max_wasm_stack({var});
    config.{MARK}async_stack_size({rust_size(rng, a)});
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", None), SiteSpec("async_stack_size", a)], [[0, 1]])


def rust_local_consts_chain(rng, k):
    m = rng.choice([1, 2, 4, 8]) * MIB
    h = rng.choice([512 * KIB, 1 * MIB, 2 * MIB])
    nm, nh = f"WASM_MAX_STACK_{k}", f"WASM_HEADROOM_{k}"
    code = f"""const {nm}: usize = {rust_size(rng, m)};
const {nh}: usize = {rust_size(rng, h)};

pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config
        .wasm_backtrace(true)
        .{MARK}max_wasm_stack({nm})
        .{MARK}async_stack_size({nm} + {nh})
        .{MARK}async_support(true);
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m + h), SiteSpec("async_support", True)], [[0, 1, 2]])


def rust_zero(rng, k):
    a = rng.choice([1, 2, 4]) * MIB
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    // {sentence(rng)}
    config.{MARK}max_wasm_stack(0);
    config.{MARK}async_stack_size({rust_size(rng, a)});
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", 0), SiteSpec("async_stack_size", a)], [[0, 1]])


def rust_latent(rng, k):
    m = big(rng)
    code = f"""impl EngineFactory {{
    /// {sentence(rng)}
    pub fn engine(&self) -> anyhow::Result<Engine> {{
        let mut config = Config::new();
        config.consume_fuel(self.fuel);
        config.{MARK}max_wasm_stack({rust_size(rng, m)});
        Engine::new(&config)
    }}
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m)], [[0]])


def rust_legacy(rng, k):
    m = rng.choice([3, 4, 8]) * MIB
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}max_wasm_stack({rust_size(rng, m)});
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m)], [[0]])


def rust_legacy_valid(rng, k):
    m = rng.choice([256 * KIB, 1 * MIB])
    a = rng.choice([2, 4]) * MIB
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}async_stack_size({rust_size(rng, a)}).{MARK}max_wasm_stack({rust_size(rng, m)});
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("async_stack_size", a), SiteSpec("max_wasm_stack", m)], [[0, 1]])


def rust_async_only(rng, k):
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}async_support(true).consume_fuel(true);
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("async_support", True)], [[0]])


def rust_hex_cast_async_off(rng, k):
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}async_support(false);
    config.{MARK}max_wasm_stack(0x20_0000 as usize);
    config.{MARK}async_stack_size(3_145_728);
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("async_support", False), SiteSpec("max_wasm_stack", 0x200000), SiteSpec("async_stack_size", 3145728)], [[0, 1, 2]])


def rust_inline_chain_latent(rng, k):
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut cfg = Config::new();
    cfg.{MARK}max_wasm_stack(2 * 1024 * 1024 + 1).{MARK}async_stack_size(2 << 20);
    Engine::new(&cfg)
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", 2 * MIB + 1), SiteSpec("async_stack_size", 2 * MIB)], [[0, 1]])


def rust_documented_in_tests(rng, k):
    m = rng.choice([1, 2]) * MIB
    code = f"""#[cfg(test)]
mod engine_tests {{
    use super::*;

    #[test]
    fn engine_accepts_the_stack_limits() {{
        let mut config = Config::new();
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        /* größe → {m // MIB} MiB */ config.{MARK}max_wasm_stack({rust_size(rng, m)});
        config.{MARK}async_stack_size({rust_size(rng, m)});
        config.{MARK}async_support(true);
        assert!(Engine::new(&config).is_ok(), "max_wasm_stack and async_stack_size are consistent");
    }}
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m), SiteSpec("async_support", True)], [[0, 1, 2]])


def rust_param_and_second_engine(rng, k):
    m = big(rng)
    code = f"""/// {sentence(rng)}
pub fn configure(config: &mut Config, limit: usize) {{
    config.{MARK}max_wasm_stack(limit);
}}

pub fn {fn_name(rng)}() -> anyhow::Result<(Engine, Engine)> {{
    let mut small = Config::new();
    small.{MARK}max_wasm_stack(256 * 1024);
    small.{MARK}async_stack_size(1 << 20);
    let mut large = Config::new();
    large.{MARK}async_support(true);
    large.{MARK}max_wasm_stack({rust_size(rng, m)});
    large.{MARK}async_stack_size({rust_size(rng, m + MIB)});
    Ok((Engine::new(&small)?, Engine::new(&large)?))
}}
"""
    sites = [SiteSpec("max_wasm_stack", None), SiteSpec("max_wasm_stack", 256 * KIB), SiteSpec("async_stack_size", MIB),
             SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m + MIB)]
    return Config(code, sites, [[0], [1, 2], [3, 4, 5]], pass_through=(0,))


def rust_comment_in_args(rng, k):
    m = big(rng)
    code = f"""pub fn {fn_name(rng)}() -> anyhow::Result<Engine> {{
    let mut config = Config::new();
    config.{MARK}async_support(true);
    config.{MARK}max_wasm_stack(/* {m // MIB} MiB */ {rust_size(rng, m)});
    config
        // the async stack holds the wasm stack plus the host's frames
        .{MARK}async_stack_size({rust_size(rng, m + MIB)});
    Engine::new(&config)
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m + MIB)], [[0, 1, 2]])


# C ------------------------------------------------------------------------------------------

def c_fn(rng) -> str:
    return rng.choice(["engine_new", "runtime_create_engine", "host_engine_init", "make_engine", "vm_engine_open"]) + "_" + rng.choice(NOUNS)


def c_literals_async(rng, k):
    m = big(rng)
    a = 2 * MIB
    code = f"""wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    if (config == NULL) {{
        return NULL;
    }}
    {MARK}wasmtime_config_async_support_set(config, true);
    {MARK}wasmtime_config_max_wasm_stack_set(config, {c_size(rng, m)});
    {MARK}wasmtime_config_async_stack_size_set(config, {c_size(rng, a)});
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", a)], [[0, 1, 2]])


def c_define_header(rng, k):
    m = rng.choice([4, 8, 16]) * MIB
    h = rng.choice([512 * KIB, 1 * MIB])
    nm, na = f"HOST_WASM_STACK_{k}", f"HOST_ASYNC_STACK_{k}"
    code = f"""/* {sentence(rng)} */
wasm_engine_t *{c_fn(rng)}(const struct host_options *options) {{
    wasm_config_t *cfg = wasm_config_new();
    {MARK}wasmtime_config_async_support_set(cfg, 1);
    {MARK}wasmtime_config_max_wasm_stack_set(
        cfg,
        {nm});
    {MARK}wasmtime_config_async_stack_size_set(cfg, {na});
    wasm_engine_t *engine = wasm_engine_new_with_config(cfg);
    return engine;
}}
"""
    consts = [f"/* {sentence(rng)} */\n#define {nm} ({c_size(rng, m)})\n#define {na} ({nm} + ({c_size(rng, h)}))\n"]
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m + h)], [[0, 1, 2]], {"header": consts})


def c_getenv(rng, k):
    code = f"""wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    const char *stack = getenv("HOST_WASM_STACK");
    {MARK}wasmtime_config_max_wasm_stack_set(config, (size_t)strtoull(stack ? stack : "1048576", NULL, 10));
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", None)], [[0]])


def c_zero(rng, k):
    code = f"""static wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *conf = wasm_config_new();
    {MARK}wasmtime_config_max_wasm_stack_set(conf, 0);
    return wasm_engine_new_with_config(conf);
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", 0)], [[0]])


def c_latent(rng, k):
    m = big(rng)
    code = f"""wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    {MARK}wasmtime_config_max_wasm_stack_set(config, {c_size(rng, m)}); /* {sentence(rng)} */
    {MARK}wasmtime_config_async_stack_size_set(config, {c_size(rng, MIB)});
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", MIB)], [[0, 1]])


def c_next_unconditional(rng, k):
    m = rng.choice([4, 8]) * MIB
    code = f"""wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    {MARK}wasmtime_config_max_wasm_stack_set(config, (size_t){m // MIB} << 20);
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m)], [[0]])


def c_next_valid(rng, k):
    m = rng.choice([1, 2, 4]) * MIB
    code = f"""wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    {MARK}wasmtime_config_max_wasm_stack_set(config, {c_size(rng, m)});
    {MARK}wasmtime_config_async_stack_size_set(config, {c_size(rng, m + 512 * KIB)});
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", m + 512 * KIB)], [[0, 1]])


def c_static_const_enum(rng, k):
    m = rng.choice([512 * KIB, 1 * MIB])
    nm, na = f"kWasmMaxStack{k}", f"kWasmAsyncStack{k}"
    code = f"""static const size_t {nm} = {c_size(rng, m)};
enum {{ {na} = 2 << 20 }};

wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    {MARK}wasmtime_config_async_support_set(config, true);
    {MARK}wasmtime_config_max_wasm_stack_set(config, {nm});
    {MARK}wasmtime_config_async_stack_size_set(config, {na});
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", 2 * MIB)], [[0, 1, 2]])


def c_comment_in_args(rng, k):
    m = big(rng)
    code = f"""wasm_engine_t *{c_fn(rng)}(void) {{
    wasm_config_t *config = wasm_config_new();
    {MARK}wasmtime_config_async_support_set(config, true);
    {MARK}wasmtime_config_max_wasm_stack_set(config, /* {m // MIB} MiB */ {m});
    return wasm_engine_new_with_config(config);
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m)], [[0, 1]])


# C# -----------------------------------------------------------------------------------------

def cs_method(rng) -> str:
    return rng.choice(["CreateEngine", "BuildEngine", "NewEngine", "MakeRuntimeEngine", "OpenEngine"]) + camel(rng, 1)


def cs_fluent_latent(rng, k):
    m = big(rng)
    code = f"""    public static class EngineFactory{k}
    {{
        public static Engine {cs_method(rng)}()
        {{
            var config = new Config().{MARK}WithMaximumStackSize({cs_size(rng, m)});
            return new Engine(config);
        }}
    }}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m)], [[0]])


def cs_limits_multiline(rng, k):
    m = rng.choice([4, 8, 16]) * MIB
    a = rng.choice([1, 2]) * MIB
    nm, na = f"MaxWasmStack{k}", f"WasmAsyncStack{k}"
    code = f"""    internal sealed class RuntimeHost{k}
    {{
        public Engine {cs_method(rng)}()
        {{
            using var config = new Config()
                .{MARK}WithAsync(true)
                .{MARK}WithMaximumStackSize(Limits.{nm})
                .{MARK}WithAsyncStackSize(Limits.{na});
            return new Engine(config);
        }}
    }}
"""
    consts = [f"        public const int {nm} = {cs_size(rng, m)};\n", f"        public const int {na} = {cs_size(rng, a)};\n"]
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", a)], [[0, 1, 2]], {"limits": consts})


def cs_env(rng, k):
    code = f"""    public sealed class GuestRunner{k}
    {{
        public Engine {cs_method(rng)}()
        {{
            var config = new Config()
                .WithBulkMemory(true)
                .{MARK}WithMaximumStackSize(int.Parse(Environment.GetEnvironmentVariable("GUEST_STACK_BYTES") ?? "1048576"));
            return new Engine(config);
        }}
    }}
"""
    return Config(code, [SiteSpec("max_wasm_stack", None)], [[0]])


def cs_valid_small(rng, k):
    m = small(rng)
    code = f"""    public sealed class SandboxEngine{k}
    {{
        private readonly Engine _engine = new Engine(new Config().{MARK}WithMaximumStackSize({cs_size(rng, m)}).WithReferenceTypes(true));
    }}
"""
    return Config(code, [SiteSpec("max_wasm_stack", m)], [[0]])


def cs_zero(rng, k):
    code = f"""    public sealed class BrokenEngine{k}
    {{
        public Engine {cs_method(rng)}()
        {{
            var config = new Config();
            config.{MARK}WithMaximumStackSize(0);
            return new Engine(config);
        }}
    }}
"""
    return Config(code, [SiteSpec("max_wasm_stack", 0)], [[0]])


def cs_local_const(rng, k):
    code = f"""    public sealed class PluginHost{k}
    {{
        private const int StackBytes{k} = 1 << 21;

        public Engine {cs_method(rng)}()
        {{
            var config = new Config();
            config.{MARK}WithMaximumStackSize(StackBytes{k});
            return new Engine(config);
        }}
    }}
"""
    return Config(code, [SiteSpec("max_wasm_stack", 2 * MIB)], [[0]])


def cs_alias_async(rng, k):
    m = rng.choice([3, 4, 8]) * MIB
    code = f"""    public sealed class AsyncHost{k}
    {{
        public Engine {cs_method(rng)}() =>
            new Engine(new Config()
                .{MARK}WithAsync(true)
                .{MARK}WithMaxWasmStack({cs_size(rng, m)}));
    }}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m)], [[0, 1]])


def cs_comment_in_args(rng, k):
    m = rng.choice([4, 8]) * MIB
    code = f"""    public sealed class DeepRecursionHost{k}
    {{
        public Engine {cs_method(rng)}()
        {{
            var config = new Config()
                .{MARK}WithAsync(true)
                // the guest's parser recurses deeply
                .{MARK}WithMaximumStackSize(/* bytes */ {cs_size(rng, m)});
            return new Engine(config);
        }}
    }}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m)], [[0, 1]])


# C++ ---------------------------------------------------------------------------------------

def cpp_fn(rng) -> str:
    return rng.choice(["make_engine", "build_engine", "engine_for_host", "create_runtime_engine", "open_engine"]) + "_" + rng.choice(NOUNS)


def cpp_udl_async(rng, k):
    m = rng.choice([4, 8, 16])
    code = f"""constexpr unsigned long long operator""_MiB{k}(unsigned long long n) {{ return n << 20; }}

wasmtime::Engine {cpp_fn(rng)}() {{
  wasmtime::Config config;
  {MARK}wasmtime_config_async_support_set(config.capi(), true);
  config.{MARK}max_wasm_stack({m}_MiB{k});  // guest parser recursion
  return wasmtime::Engine(std::move(config));
}}
"""
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m * MIB)], [[0, 1]])


def cpp_capi_header_constexpr(rng, k):
    m = rng.choice([4, 8]) * MIB
    name = f"kGuestStack{k}"
    code = f"""// {sentence(rng)}
wasm_engine_t *{cpp_fn(rng)}() {{
  wasm_config_t *cfg = wasm_config_new();
  {MARK}wasmtime_config_async_support_set(cfg, true);
  {MARK}wasmtime_config_max_wasm_stack_set(cfg, {name});
  {MARK}wasmtime_config_async_stack_size_set(cfg, 2 << 20);
  return wasm_engine_new_with_config(cfg);
}}
"""
    value = rng.choice([f"{m // MIB} * 1024 * 1024", f"std::size_t({m // MIB}) << 20", str(m)])
    consts = [f"// {sentence(rng)}\nstatic constexpr std::size_t {name} = {value};\n"]
    return Config(code, [SiteSpec("async_support", True), SiteSpec("max_wasm_stack", m), SiteSpec("async_stack_size", 2 * MIB)], [[0, 1, 2]],
                  {"header": consts})


def cpp_pool_valid(rng, k):
    code = f"""namespace pool{k} {{
constexpr std::size_t kPoolStack{k} = 1 << 20;

wasmtime::Config pool_config() {{
  wasmtime::Config config;
  config.{MARK}max_wasm_stack(kPoolStack{k});
  {MARK}wasmtime_config_async_stack_size_set(config.capi(), 2 * kPoolStack{k});
  return config;
}}
}}  // namespace pool{k}
"""
    return Config(code, [SiteSpec("max_wasm_stack", MIB), SiteSpec("async_stack_size", 2 * MIB)], [[0, 1]])


def cpp_latent_member(rng, k):
    m = rng.choice([4, 8, 16])
    code = f"""/// {sentence(rng)}
class EngineHolder{k} {{
 public:
  wasmtime::Engine build() const {{
    wasmtime::Config config;
    config.{MARK}max_wasm_stack(static_cast<std::size_t>({m}) << 20);
    return wasmtime::Engine(std::move(config));
  }}
}};
"""
    return Config(code, [SiteSpec("max_wasm_stack", m * MIB)], [[0]])


def cpp_zero_with_async(rng, k):
    code = f"""wasmtime::Engine {cpp_fn(rng)}() {{
  wasmtime::Config config;
  // {sentence(rng)}
  config.{MARK}max_wasm_stack(0);
  {MARK}wasmtime_config_async_stack_size_set(config.capi(), 1 << 20);
  return wasmtime::Engine(std::move(config));
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", 0), SiteSpec("async_stack_size", MIB)], [[0, 1]])


def cpp_getenv(rng, k):
    code = f"""wasmtime::Engine {cpp_fn(rng)}() {{
  wasmtime::Config config;
  const char *stack = std::getenv("HOST_WASM_STACK");
  config.{MARK}max_wasm_stack(stack != nullptr ? std::stoul(stack) : 1048576);
  return wasmtime::Engine(std::move(config));
}}
"""
    return Config(code, [SiteSpec("max_wasm_stack", None)], [[0]])


def cpp_decoys(rng):
    return [
        f"// Raising config.max_wasm_stack({rng.randrange(2, 64)} << 20) here did not help; see the async_stack_size notes.\n",
        f'static const char *kHelpText{rng.randrange(1000)} = "see wasmtime_config_async_stack_size_set and config.max_wasm_stack";\n',
        "struct GuestLimits {\n  std::size_t max_wasm_stack = 0;\n  std::size_t async_stack_size = 0;\n  std::size_t limit() const { return max_wasm_stack; }\n};\n",
        "std::size_t my_max_wasm_stack_limit(const GuestLimits& limits) {\n  return limits.limit();\n}\n",
    ]


def hpp_decoys(rng):
    return ["// Declared here for hosts that load the C API dynamically.\n"
            "void wasmtime_config_max_wasm_stack_set(wasm_config_t *config, size_t size);\n"
            "void wasmtime_config_async_stack_size_set(wasm_config_t *config, uint64_t size);\n"]


SHAPES = [
    ("crates", rust_statements_async), ("crates", rust_chain_valid), ("crates", rust_crate_limits),
    ("crates", rust_use_import_equal), ("crates", rust_env_var), ("crates", rust_local_consts_chain),
    ("crates", rust_zero), ("crates", rust_latent), ("legacy", rust_legacy), ("legacy", rust_legacy_valid),
    ("crates", rust_async_only), ("crates", rust_hex_cast_async_off), ("crates", rust_inline_chain_latent),
    ("crates", rust_documented_in_tests), ("crates", rust_param_and_second_engine), ("crates", rust_comment_in_args),
    ("native", c_literals_async), ("native", c_define_header), ("native", c_getenv), ("native", c_zero),
    ("native", c_latent), ("next", c_next_unconditional), ("next", c_next_valid), ("native", c_static_const_enum),
    ("native", c_comment_in_args),
    ("dotnet", cs_fluent_latent), ("dotnet", cs_limits_multiline), ("dotnet", cs_env), ("dotnet", cs_valid_small),
    ("dotnet", cs_zero), ("dotnet", cs_local_const), ("dotnet", cs_alias_async), ("dotnet", cs_comment_in_args),
    ("cpp", cpp_udl_async), ("cpp", cpp_capi_header_constexpr), ("cpp", cpp_pool_valid), ("cpp", cpp_latent_member),
    ("cpp", cpp_zero_with_async), ("cpp", cpp_getenv),
]

# Decoys: setting names where they are not settings. Each is one item for a file of its language.
def rust_decoys(rng):
    return [
        f"// Raising config.max_wasm_stack({rng.randrange(2, 64)} << 20) here did not help; see the async_stack_size notes.\n",
        f'pub const HELP_{rng.randrange(1000)}: &str = "set max_wasm_stack and async_stack_size, or async_support(true)";\n',
        f"pub fn my_max_wasm_stack_limit(settings: &Settings) -> usize {{\n    settings.my_max_wasm_stack_limit.min({rng.randrange(1, 64)} << 20)\n}}\n",
        "pub struct GuestLimits {\n    pub max_wasm_stack: usize,\n    pub async_stack_size: usize,\n}\n\nimpl GuestLimits {\n    pub fn max_wasm_stack(&self) -> usize {\n        self.max_wasm_stack\n    }\n}\n",
        "pub fn report(limits: &GuestLimits) -> String {\n    format!(\"max_wasm_stack={} async_support={}\", limits.max_wasm_stack(), limits.async_stack_size)\n}\n",
    ]


def c_decoys(rng):
    return [
        "/* The embedder used to call wasmtime_config_max_wasm_stack_set(config, 8 << 20) here. */\n",
        f'static const char *help_text_{rng.randrange(1000)} = "see wasmtime_config_async_stack_size_set and wasmtime_config_max_wasm_stack_set";\n',
        "size_t my_max_wasm_stack_limit(const struct host_options *options) {\n    return options->my_max_wasm_stack_limit;\n}\n",
    ]


def h_decoys(rng):
    return ["/* Declared here for hosts that load the C API dynamically. */\n"
            "void wasmtime_config_max_wasm_stack_set(wasm_config_t *config, size_t size);\n"
            "void wasmtime_config_async_stack_size_set(wasm_config_t *config, uint64_t size);\n"]


def cs_decoys(rng):
    return [
        f"    // TODO: new Config().WithMaximumStackSize({rng.randrange(2, 64)} * 1024 * 1024) once async is off.\n",
        f'    public static class HelpText{rng.randrange(1000)}\n    {{\n        public const string Stack = "Use WithMaximumStackSize or WithAsyncStackSize";\n    }}\n',
        "    public sealed class RetryOptions\n    {\n        public RetryOptions WithAsyncLogging(bool enabled) => this;\n        public int MyMaxWasmStackLimit { get; set; }\n    }\n",
    ]


# ---------------------------------------------------------------------------------------------
# Wasmtime command lines (scripts, Makefiles, workflows, MSBuild, argument lists) and the CLI's
# TOML options file. Each shape writes whole files (MARK before `max-wasm-stack`/`async-stack-size`
# in a flag, or before `--max-wasm-stack`, or before a TOML key); the rest of each file is filler.
# The CLI version comes from wasmtime-version.txt (nearest above the file) or from the file itself
# (a workflow's wasmtime/setup `version:`, a WASMTIME_VERSION= line), never from Cargo.lock.

CLI_VERSION_FILES = {"": "25.0.0", "next": "47.0.0", "ci": "30.0.0", "tools": "25.0.1", "dotnet/eng": "25.0.1",
                     "legacy/scripts": "13.0.0"}


def parse_version(text: str) -> tuple:
    return tuple(int(x) for x in text.split("."))


def cli_version(path: str, hint: str | None) -> tuple:
    if hint:
        return parse_version(hint)
    d = os.path.dirname(path)
    while d not in CLI_VERSION_FILES:
        d = os.path.dirname(d)
    return parse_version(CLI_VERSION_FILES[d])


@dataclass
class CliSite:
    setting: str  # max_wasm_stack | async_stack_size
    value: object  # int, or None when only known at run time
    spelling: str = "W"  # W (-W/--wasm k=v, also in --engine-arg) | legacy (--max-wasm-stack) | toml
    text: str = ""  # the value as written (its spelling decides what old CLIs accept)
    serve: bool = False  # `wasmtime serve`: always async


@dataclass
class CliFile:
    path: str
    kind: str  # sh | make | py | yml | msbuild | toml | md
    special: str = ""  # the text holding the MARKs (one block, so marks keep their order)
    env: list[str] = field(default_factory=list)  # yml: entries under the workflow's env:
    hint: str | None = None  # the CLI version the file itself names
    top: str = ""  # toml: top-level keys before any table (with MARKs, before `special`)
    marks: int = 0  # number of sites in this file, in CliConfig.sites order


@dataclass
class CliConfig:
    files: list[CliFile]
    sites: list[CliSite]
    groups: list[list[int]]
    shape: str = ""
    properties: dict[str, int] = field(default_factory=dict)  # MSBuild properties defined in another file


def cli_rejection(site: CliSite, v: tuple) -> bool:
    """Whether the CLI of version v rejects the flag or key (WasmtimeCLIFacts: read from Wasmtime's source)."""
    if site.spelling == "toml":
        return v < (30, 0, 0)  # --config FILE with [wasm] keys: 30.0.0
    if site.spelling == "legacy":  # --max-wasm-stack: 3.0-13.x natively, 14.0.3-21.x through old_cli.rs
        return not ((3, 0, 0) <= v < (14, 0, 0) or (14, 0, 3) <= v < (22, 0, 0))
    if v < (14, 0, 0):
        return True  # -W/--wasm: 14.0.0
    if site.setting == "async_stack_size" and v < (25, 0, 1):
        return True  # -W async-stack-size: 25.0.1
    if "_" in site.text and v < (26, 0, 0):
        return True  # `_` in sizes: 26.0.0
    if site.text.startswith("0x") and v < (20, 0, 0):
        return True  # hex sizes: 20.0.0
    return False


def cli_expected_findings(sites: list[CliSite], v: tuple) -> list[tuple[str, int]]:
    """(rule, index of the site it points at) for one command line (with its TOML file), per the CLI's rules."""
    found: list[tuple[str, int]] = []
    rejected = set()
    toml_seen = False
    for i, s in enumerate(sites):
        if cli_rejection(s, v):
            rejected.add(i)
            if s.spelling == "toml":
                if toml_seen: continue  # a TOML file is rejected once
                toml_seen = True
            found.append(("WF007", i))

    def effective(setting):
        candidates = [i for i, s in enumerate(sites) if s.setting == setting and i not in rejected]
        flags = [i for i in candidates if sites[i].spelling != "toml"]  # -W wins over the TOML file
        return flags[-1] if flags else (candidates[-1] if candidates else None)

    i_max, i_async = effective("max_wasm_stack"), effective("async_stack_size")
    max_val = sites[i_max].value if i_max is not None else default_max(v)
    if i_async is not None:
        async_val = sites[i_async].value
    elif i_max is not None and max_val is not None and v >= (25, 0, 1):
        async_val = max_val + 512 * KIB  # the CLI derives it (DEFAULT_HOST_STACK)
    else:
        async_val = default_async(v)
    serve = any(s.serve for s in sites)
    applies = serve or v >= (25, 0, 0) or (10, 0, 0) <= v < (12, 0, 0)  # `run` is async from 25.0.0
    anchor = i_max if i_max is not None else (i_async if i_async is not None else 0)
    if applies and max_val is not None and async_val is not None and max_val > async_val and max_val != 0:
        found.append(("WF001", anchor))
    if (i_max is not None and max_val is None) or (i_async is not None and async_val is None):
        found.append(("WF002", anchor))
    if i_max is not None and max_val == 0:
        found.append(("WF004", i_max))
    return found  # no WF003 (the CLI computes what it is not told) and no WF005 for command lines


class CliPlaces:
    """Unique paths for the files of scripts, build files and docs."""

    def __init__(self, rng: random.Random, projects: list[Project]):
        self.r = rng
        self.taken: set[str] = set()
        self.suites: list[str] = []
        self.crates = [p.directory for p in projects if p.kind == "crates"]
        self.natives = [p.directory for p in projects if p.kind in ("native", "cpp")]
        self.dotnet = [p.directory for p in projects if p.kind == "dotnet"]
        self.projects = self.crates + self.natives + self.dotnet

    def claim(self, path: str) -> str | None:
        if path in self.taken:
            return None
        self.taken.add(path)
        return path

    def unique(self, make) -> str:
        for _ in range(200):
            path = self.claim(make())
            if path:
                return path
        base = make()
        for n in range(2, 10000):
            stem, dot, ext = base.rpartition(".")
            path = self.claim(f"{stem}-{n}.{ext}" if dot else f"{base}-{n}")
            if path:
                return path
        raise SystemExit("generate.py: no free path")

    def suite(self, new: bool = False) -> str:
        if new or not self.suites or self.r.random() < 0.08:
            taken = set(self.suites)
            name = unique(f"ci/{kebab(self.r, self.r.randint(1, 2))}", taken)
            self.suites.append(name)
            return name
        return self.r.choice(self.suites)

    def script(self, folder: str) -> str:
        return self.unique(lambda: f"{folder}/{self.r.choice(VERBS)}-{kebab(self.r, 1)}.sh")

    def filler(self, kind: str) -> str:
        r = self.r
        if kind == "sh":
            folder = r.choice(["scripts", "scripts", self.suite(), f"{r.choice(self.crates)}/scripts", f"{r.choice(self.natives)}/scripts",
                               "legacy/scripts", "next/scripts"])
            return self.script(folder)
        if kind == "py":
            return self.unique(lambda: f"{r.choice(['tools', 'tools', 'scripts', self.suite()])}/{snake(r, r.randint(1, 2))}.py")
        if kind == "make":
            return self.unique(lambda: r.choice([f"{r.choice(self.natives)}/Makefile", f"{r.choice(self.crates)}/Makefile",
                                                 f"{self.suite()}/Makefile", f"mk/{kebab(r, 1)}.mk"]))
        if kind == "yml":
            return self.unique(lambda: r.choice([f".github/workflows/{kebab(r)}.yml", f".github/workflows/{kebab(r)}.yml",
                                                 f"deploy/{kebab(r)}.yaml"]))
        if kind == "msbuild":
            return self.unique(lambda: f"{r.choice(['dotnet/eng', r.choice(self.dotnet)])}/{camel(r)}.{r.choice(['targets', 'props'])}")
        if kind == "toml":
            return self.unique(lambda: r.choice([f"config/{snake(r, 1)}.toml", f"{r.choice(self.crates)}/{snake(r, 1)}.toml",
                                                 f"{self.suite()}/{snake(r, 1)}.toml"]))
        return self.unique(lambda: r.choice([f"docs/{kebab(r)}.md", f"docs/{kebab(r)}.md", f"{r.choice(self.projects)}/README.md",
                                             f"{r.choice(self.projects)}/docs/{kebab(r, 1)}.md"]))


def wasmtime_toml(rng: random.Random, wasm_block: str, top: str = "") -> str:
    """A Wasmtime CLI options file (30.0.0+): [wasm] and a few other real tables."""
    tables = [wasm_block] + rng.sample(["[optimize]\nopt-level = 2\n", "[codegen]\ncompiler = \"cranelift\"\n",
                                        "[debug]\ndebug-info = false\n", "[wasi]\ninherit-network = false\n"], rng.randint(1, 3))
    rng.shuffle(tables)
    return f"# {sentence(rng)}\n" + top + "\n".join(t for t in tables if t)


def cli_sh_var_exceeds_v25(rng, k, places):
    m = big(rng)
    path = places.script("scripts")
    special = f"""GUEST_STACK={m}
# {sentence(rng)}
wasmtime run -W {MARK}max-wasm-stack=$GUEST_STACK --dir . "$@"
"""
    return CliConfig([CliFile(path, "sh", special, marks=1)], [CliSite("max_wasm_stack", m)], [[0]])


def cli_sh_small_v25(rng, k, places):
    crate = rng.choice(places.crates)
    m = rng.choice([512 * KIB, 1 * MIB, 2 * MIB])
    path = places.script(f"{crate}/scripts")
    special = f"""# {sentence(rng)}
wasmtime run -W {MARK}max-wasm-stack={m} --dir . target/wasm32-wasip1/release/{crate.split('/')[-1]}.wasm
"""
    return CliConfig([CliFile(path, "sh", special, marks=1)], [CliSite("max_wasm_stack", m)], [[0]])


def cli_sh_attached_multiline_v30(rng, k, places):
    m = big(rng)
    a = rng.choice([1, 2]) * MIB
    path = places.script(places.suite())
    special = f"""GUEST_STACK={m}
wasmtime run \\
  -W{MARK}max-wasm-stack=$GUEST_STACK \\
  -W{MARK}async-stack-size=0x{a:x} \\
  --dir . "$@"
"""
    return CliConfig([CliFile(path, "sh", special, marks=2)],
                     [CliSite("max_wasm_stack", m), CliSite("async_stack_size", a, text=f"0x{a:x}")], [[0, 1]])


def cli_sh_toml_override_v30(rng, k, places):
    suite = places.suite(new=True)
    tm, ta = rng.choice([2, 4]) * MIB, 8 * MIB
    fm = rng.choice([16, 32]) * MIB
    sh = places.script(suite)
    toml = places.claim(f"{suite}/wasmtime.toml")
    special = f"""# {sentence(rng)}
wasmtime run --config wasmtime.toml -W {MARK}max-wasm-stack={fm} parser-tests.wasm
wasmtime run --config wasmtime.toml suite.wasm
"""
    block = f"[wasm]\n{MARK}max-wasm-stack = {tm}\n{MARK}async-stack-size = {ta}\n"
    return CliConfig([CliFile(sh, "sh", special, marks=1), CliFile(toml, "toml", block, marks=2)],
                     [CliSite("max_wasm_stack", fm), CliSite("max_wasm_stack", tm, "toml"), CliSite("async_stack_size", ta, "toml")],
                     [[0, 1, 2]])


def _standalone_toml(rng, places, block: str, top: str, marks: int, sites, groups):
    suite = places.suite(new=True)
    toml = places.claim(f"{suite}/wasmtime.toml")
    sh = places.script(suite)  # runs it without stack flags: no site there
    special = f"wasmtime run --config wasmtime.toml --dir . \"${{1:-suite.wasm}}\"\n"
    return CliConfig([CliFile(toml, "toml", block, top=top, marks=marks), CliFile(sh, "sh", special)], sites, groups)


def cli_toml_dotted_v30(rng, k, places):
    m, a = rng.choice([4, 8]) * MIB, 1 * MIB
    top = f"wasm.{MARK}max-wasm-stack = {m}\nwasm.{MARK}async-stack-size = {a}\n"
    return _standalone_toml(rng, places, "", top, 2, [CliSite("max_wasm_stack", m, "toml"), CliSite("async_stack_size", a, "toml")], [[0, 1]])


def cli_toml_zero_v30(rng, k, places):
    return _standalone_toml(rng, places, f"[wasm]\n{MARK}max-wasm-stack = 0\n", "", 1, [CliSite("max_wasm_stack", 0, "toml")], [[0]])


def cli_toml_valid_v30(rng, k, places):
    m = rng.choice([4, 8, 16]) * MIB
    a = m + 512 * KIB
    return _standalone_toml(rng, places, f"[wasm]\n{MARK}max-wasm-stack = {m}\n{MARK}async-stack-size = {a:_}\n", "", 2,
                            [CliSite("max_wasm_stack", m, "toml"), CliSite("async_stack_size", a, "toml")], [[0, 1]])


def cli_sh_legacy_v13(rng, k, places):
    m = rng.choice([1, 4, 8]) * MIB
    path = places.script("legacy/scripts")
    special = f"""# {sentence(rng)}
wasmtime run {MARK}--max-wasm-stack={m} --dir=. "$@"
"""
    return CliConfig([CliFile(path, "sh", special, marks=1)], [CliSite("max_wasm_stack", m, "legacy")], [[0]])


def cli_sh_legacy_v22_hint(rng, k, places):
    m = rng.choice([2, 4]) * MIB
    path = places.script("scripts")
    special = f"""WASMTIME_VERSION=22.0.0
STACK={m}
wasmtime run {MARK}--max-wasm-stack $STACK --dir=. "$@"
"""
    return CliConfig([CliFile(path, "sh", special, hint="22.0.0", marks=1)], [CliSite("max_wasm_stack", m, "legacy")], [[0]])


def cli_sh_env_unresolved_v25(rng, k, places):
    path = places.script("scripts")
    special = f"""# {sentence(rng)}
wasmtime run -W {MARK}max-wasm-stack=${{GUEST_STACK_BYTES:-1048576}} --dir . app.wasm
"""
    return CliConfig([CliFile(path, "sh", special, marks=1)], [CliSite("max_wasm_stack", None)], [[0]])


def cli_sh_serve_v47(rng, k, places):
    m = rng.choice([4, 8]) * MIB
    a = m // 2
    path = places.script("next/scripts")
    special = f"""# {sentence(rng)}
wasmtime serve -W {MARK}max-wasm-stack={m},{MARK}async-stack-size={a} --addr 127.0.0.1:8080 proxy.wasm &
"""
    return CliConfig([CliFile(path, "sh", special, marks=2)],
                     [CliSite("max_wasm_stack", m, serve=True), CliSite("async_stack_size", a, serve=True)], [[0, 1]])


def cli_sh_zero_v47(rng, k, places):
    path = places.script("next/scripts")
    special = f"wasmtime run -W {MARK}max-wasm-stack=0 --dir . app.wasm\n"
    return CliConfig([CliFile(path, "sh", special, marks=1)], [CliSite("max_wasm_stack", 0)], [[0]])


def cli_make_var_v25(rng, k, places):
    m = rng.choice([512 * KIB, 1 * MIB])
    path = places.unique(lambda: rng.choice([f"{rng.choice(places.natives)}/Makefile", f"{rng.choice(places.crates)}/Makefile"]))
    special = f"""WASMTIME ?= wasmtime
GUEST_STACK := {m}

.PHONY: wasi-test
wasi-test: build/app.wasm
\t$(WASMTIME) run -W {MARK}max-wasm-stack=$(GUEST_STACK) --dir . $<
"""
    return CliConfig([CliFile(path, "make", special, marks=1)], [CliSite("max_wasm_stack", m)], [[0]])


def cli_make_underscore_v30(rng, k, places):
    m = rng.choice([16, 32]) * MIB
    a = 8 * MIB
    path = places.unique(lambda: f"{places.suite()}/Makefile")
    special = f"""GUEST_STACK := {m}

.PHONY: parser-test
parser-test: build/parser.wasm
\twasmtime run -W {MARK}max-wasm-stack=$(GUEST_STACK) -W {MARK}async-stack-size={a:_} --dir . $<
"""
    return CliConfig([CliFile(path, "make", special, marks=2)],
                     [CliSite("max_wasm_stack", m), CliSite("async_stack_size", a, text=f"{a:_}")], [[0, 1]])


def cli_make_underscore_v25_rejected(rng, k, places):
    m = rng.choice([1, 2]) * MIB
    path = places.unique(lambda: f"mk/{kebab(rng, 1)}.mk")
    special = f"""wasi-check: build/check.wasm
\twasmtime run -W {MARK}max-wasm-stack={m:_} --dir . $<
"""
    return CliConfig([CliFile(path, "make", special, marks=1)], [CliSite("max_wasm_stack", m, text=f"{m:_}")], [[0]])


def cli_yaml_setup(rng, k, places):
    version = rng.choice(["26.0.1", "27.0.0", "28.0.0"])
    m, a, s = 8 * MIB, 4 * MIB, rng.choice([1, 2]) * MIB
    path = places.unique(lambda: f".github/workflows/wasi-{kebab(rng, 1)}.yml")
    steps = f"""      - uses: bytecodealliance/actions/wasmtime/setup@v1
        with:
          version: "{version}"
      - name: Test under wasmtime
        run: |
          # {sentence(rng)}
          wasmtime run -W {MARK}max-wasm-stack=$GUEST_STACK,{MARK}async-stack-size={a} --dir . target/wasm32-wasip1/release/app.wasm
      - name: Serve smoke test
        run: wasmtime serve -W {MARK}max-wasm-stack={s} target/wasm32-wasip1/release/proxy.wasm &
"""
    return CliConfig([CliFile(path, "yml", steps, env=[f"  GUEST_STACK: {m}"], hint=version, marks=3)],
                     [CliSite("max_wasm_stack", m), CliSite("async_stack_size", a), CliSite("max_wasm_stack", s, serve=True)],
                     [[0, 1], [2]])


def cli_yaml_plain_v25(rng, k, places):
    m = big(rng)
    path = places.unique(lambda: f".github/workflows/guest-{kebab(rng, 1)}.yml")
    steps = f"""      - name: Guest tests
        run: wasmtime run --wasm {MARK}max-wasm-stack={m} --dir . target/wasm32-wasip1/release/app.wasm
"""
    return CliConfig([CliFile(path, "yml", steps, marks=1)], [CliSite("max_wasm_stack", m)], [[0]])


def cli_msbuild_xharness_v2501(rng, k, places):
    m = rng.choice([64, 128]) * MIB
    path = places.unique(lambda: f"dotnet/eng/testing/{camel(rng, 1)}.wasi.targets")
    special = f"""  <PropertyGroup>
    <_XHarnessArgs>wasi $XHARNESS_COMMAND --app=. --output-directory=$XHARNESS_OUT</_XHarnessArgs>
    <_XHarnessArgs Condition="'$(WasmSingleFileBundle)' != 'true'">$(_XHarnessArgs) --engine-arg=--dir=.</_XHarnessArgs>
    <!-- Deep recursion in the runtime's own tests needs a big guest stack. -->
    <_XHarnessArgs>$(_XHarnessArgs) --engine-arg=-W --engine-arg={MARK}max-wasm-stack={m}</_XHarnessArgs>
  </PropertyGroup>
"""
    return CliConfig([CliFile(path, "msbuild", special, marks=1)], [CliSite("max_wasm_stack", m)], [[0]])


def cli_msbuild_props_v2501(rng, k, places):
    m, a = rng.choice([64, 128]) * MIB, 2 * MIB
    props = places.unique(lambda: f"dotnet/eng/Wasm{camel(rng, 1)}.props")
    targets = places.unique(lambda: f"dotnet/eng/testing/{camel(rng, 1)}.wasi.targets")
    defs = f"""  <PropertyGroup>
    <WasmGuestStack{k}>{m}</WasmGuestStack{k}>
    <WasmAsyncStack{k}>{a}</WasmAsyncStack{k}>
  </PropertyGroup>
"""
    special = f"""  <PropertyGroup>
    <WasiTestArgs>$(WasiTestArgs) --engine-arg=-W --engine-arg={MARK}max-wasm-stack=$(WasmGuestStack{k}) --engine-arg=-W --engine-arg={MARK}async-stack-size=$(WasmAsyncStack{k})</WasiTestArgs>
  </PropertyGroup>
"""
    return CliConfig([CliFile(props, "msbuild", defs), CliFile(targets, "msbuild", special, marks=2)],
                     [CliSite("max_wasm_stack", m, text=f"$(WasmGuestStack{k})"), CliSite("async_stack_size", a, text=f"$(WasmAsyncStack{k})")],
                     [[0, 1]], properties={f"WasmGuestStack{k}": m, f"WasmAsyncStack{k}": a})


def cli_msbuild_project_v25(rng, k, places):
    m = big(rng)
    a = m + MIB
    project = rng.choice(places.dotnet)
    path = places.unique(lambda: f"{project}/{camel(rng, 1)}.Wasi.targets")
    special = f"""  <PropertyGroup>
    <WasmtimeRunArgs>$(WasmtimeRunArgs) --engine-arg=-W --engine-arg={MARK}max-wasm-stack={m} --engine-arg=-W --engine-arg={MARK}async-stack-size={a}</WasmtimeRunArgs>
  </PropertyGroup>
"""
    return CliConfig([CliFile(path, "msbuild", special, marks=2)],
                     [CliSite("max_wasm_stack", m), CliSite("async_stack_size", a)], [[0, 1]])


def cli_py_args_v2501(rng, k, places):
    h = rng.choice([8, 16]) * MIB
    m, a = 128 * MIB, 1 * MIB
    path = places.unique(lambda: f"tools/{snake(rng, rng.randint(1, 2))}_runner.py")
    special = f"""# The default host runner for `make test` (sizes are in bytes).
HOST_RUNNER = "wasmtime run --wasm {MARK}max-wasm-stack={h} --dir . "

ENGINE_ARGS = ["-W", "{MARK}max-wasm-stack={m}", "-W", "{MARK}async-stack-size={a}"]
"""
    return CliConfig([CliFile(path, "py", special, marks=3)],
                     [CliSite("max_wasm_stack", h), CliSite("max_wasm_stack", m), CliSite("async_stack_size", a)], [[0], [1, 2]])


def cli_py_list_v25(rng, k, places):
    m = rng.choice([1, 2]) * MIB
    path = places.unique(lambda: f"scripts/{snake(rng, rng.randint(1, 2))}.py")
    special = f"""WASMTIME_COMMAND = [
    "wasmtime",
    "run",
    "-W",
    "{MARK}max-wasm-stack={m}",
    "--dir",
    ".",
]
"""
    return CliConfig([CliFile(path, "py", special, marks=1)], [CliSite("max_wasm_stack", m)], [[0]])


CLI_SHAPES = [
    cli_sh_var_exceeds_v25, cli_sh_small_v25, cli_sh_attached_multiline_v30, cli_sh_toml_override_v30,
    cli_toml_dotted_v30, cli_toml_zero_v30, cli_toml_valid_v30, cli_sh_legacy_v13, cli_sh_legacy_v22_hint,
    cli_sh_env_unresolved_v25, cli_sh_serve_v47, cli_sh_zero_v47, cli_make_var_v25, cli_make_underscore_v30,
    cli_make_underscore_v25_rejected, cli_yaml_setup, cli_yaml_plain_v25, cli_msbuild_xharness_v2501,
    cli_msbuild_props_v2501, cli_msbuild_project_v25, cli_py_args_v2501, cli_py_list_v25,
]


def aux_decoys(kind: str, rng: random.Random) -> list[str]:
    """Flag spellings where they configure nothing: comments, an echo, a step name, docs."""
    n = rng.choice([8, 16, 64, 128]) * MIB
    if kind == "sh":
        return [f"# wasmtime run -W max-wasm-stack={n} app.wasm   (old way, do not use)\n",
                f"echo \"pass -W max-wasm-stack={n} to wasmtime if the guest overflows\"\n",
                "# async-stack-size must stay above max-wasm-stack; see docs/\n"]
    if kind == "make":
        return ["# Documentation only: -W max-wasm-stack=N raises the guest's stack.\n",
                f".PHONY: wasi-help\nwasi-help:\n\t@echo \"run the parser suite with -W max-wasm-stack={n}\"\n"]
    if kind == "py":
        return ["# Pass \"-W\", \"max-wasm-stack=N\" when the guest recurses deeply.\n"]
    if kind == "yml":
        return [f"      - name: Test with -W max-wasm-stack={n}\n        run: cargo test --workspace\n"]
    if kind == "msbuild":
        return ["  <!-- Deep recursion: pass \"-W max-wasm-stack=N\" to the engine; async-stack-size follows it. -->\n",
                f"  <!-- <WasiTestArgs>$(WasiTestArgs) -W max-wasm-stack={n}</WasiTestArgs> -->\n"]
    if kind == "toml":
        return [f"[runner]\n# max-wasm-stack = {n} is passed on the command line instead\nthreads = 4\n"]
    return [f"Run the parser suite with `wasmtime run -W max-wasm-stack={n} app.wasm`; keep `async-stack-size` above it.\n",
            f"```sh\nwasmtime run -W max-wasm-stack={n},async-stack-size={n + 512 * KIB} target/app.wasm\n```\n"]


AUX_KINDS = [("sh", 0.25), ("py", 0.18), ("make", 0.10), ("yml", 0.10), ("msbuild", 0.12), ("toml", 0.10), ("md", 0.15)]
AUX_SIZES = {"sh": (300, 6000, 900), "py": (800, 14000, 2000), "make": (400, 5000, 900), "yml": (600, 5000, 1200),
             "msbuild": (400, 5000, 1000), "toml": (100, 2500, 300), "md": (500, 9000, 1500)}


# Shapes that write two files (a command line and its TOML file, MSBuild properties and their user).
TWO_FILE_SHAPES = {"cli_sh_toml_override_v30", "cli_toml_dotted_v30", "cli_toml_zero_v30", "cli_toml_valid_v30",
                   "cli_msbuild_props_v2501"}


def cli_shape_order(n_files: int, seed: int) -> list:
    """The command-line shapes in planting order: about one per 800 files, every shape at least once."""
    order = list(CLI_SHAPES)
    random.Random(f"{seed}:cli-order").shuffle(order)
    return [order[i % len(order)] for i in range(max(len(CLI_SHAPES), round(n_files / 800)))]


def aux_file_count(n_files: int, seed: int) -> int:
    """Scripts, build files, workflows, TOML and docs: about 3.5% of the tree, and at least the
    files of the command-line shapes plus two fillers of each kind."""
    planted = sum(2 if shape.__name__ in TWO_FILE_SHAPES else 1 for shape in cli_shape_order(n_files, seed))
    return max(round(n_files * 0.035), planted + 2 * len(AUX_KINDS))


@dataclass
class AuxJob:
    path: str
    kind: str  # sh | make | py | yml | msbuild | toml | md
    size: int
    config: CliConfig | None = None
    file: int = 0  # index in config.files
    decoy: str | None = None


def plan_aux(n_files: int, seed: int, n_aux: int, rng: random.Random, places: CliPlaces) -> tuple[list[AuxJob], list[CliConfig]]:
    """The command-line configurations, then fillers of every kind without a Wasmtime flag, about
    one in eight with a decoy."""
    size = lambda kind: int(rng.triangular(*AUX_SIZES[kind]))
    jobs: list[AuxJob] = []
    configs: list[CliConfig] = []
    for i, shape in enumerate(cli_shape_order(n_files, seed)):
        config = shape(rng, i, places)
        config.shape = shape.__name__
        assert len(config.files) == (2 if config.shape in TWO_FILE_SHAPES else 1), config.shape
        configs.append(config)
        for index, f in enumerate(config.files):
            jobs.append(AuxJob(f.path, f.kind, size(f.kind), config, index))
    n_fill = n_aux - len(jobs)
    assert n_fill >= 2 * len(AUX_KINDS), (n_fill, n_aux)
    for i in range(n_fill):
        kind = AUX_KINDS[i % len(AUX_KINDS)][0] if i < 2 * len(AUX_KINDS) else rng.choices(*zip(*AUX_KINDS))[0]
        job = AuxJob(places.filler(kind), kind, size(kind))
        if i < len(AUX_KINDS) or rng.random() < 0.12:
            job.decoy = rng.choice(aux_decoys(kind, rng))
        jobs.append(job)
    return jobs, configs


def fill_chunks(chunk, rng: random.Random, budget: int, specials: list[str]) -> list[str]:
    items: list[str] = []
    size = sum(len(s) for s in specials)
    while size < budget or not items:
        c = chunk()
        items.append(c)
        size += len(c) + 1
    for s in specials:
        items.insert(rng.randrange(len(items) + 1), s)
    return items


def render_aux(job: AuxJob, seed: int, places: CliPlaces) -> tuple[str, list[tuple[int, int]]]:
    rng = random.Random(f"{seed}:{job.path}")
    f = job.config.files[job.file] if job.config else None
    specials = [x for x in ((f.special if f else ""), job.decoy) if x]
    crates = [c.split("/")[-1] for c in places.crates]
    dirs = places.natives + places.crates
    if job.kind == "sh":
        g = ShellGen(rng, crates, dirs, places.dotnet)
        text = g.header() + "\n" + "\n".join(fill_chunks(g.chunk, rng, job.size, specials))
    elif job.kind == "make":
        g = MakeGen(rng, crates)
        text = g.header() + "\n" + "\n".join(fill_chunks(g.chunk, rng, job.size, specials))
    elif job.kind == "py":
        g = PyGen(rng, crates)
        text = (g.header() + "\n\n" + "\n\n".join(fill_chunks(g.chunk, rng, job.size, specials))
                + "\n\ndef main():\n    return 0\n\n\nif __name__ == \"__main__\":\n    sys.exit(main())\n")
    elif job.kind == "yml":
        text = WorkflowGen(rng, crates, dirs).render(job.size, f.env if f else [], "".join(specials) or None)
    elif job.kind == "msbuild":
        text = MSBuildGen(rng).render(job.size, specials)
    elif job.kind == "toml":
        text = wasmtime_toml(rng, f.special, f.top) if f else TomlGen(rng).render(job.size, specials)
    else:
        text = MarkdownGen(rng, crates).render(job.size, specials)
    return locate_marks(text)


# ---------------------------------------------------------------------------------------------
# The tree

@dataclass
class FileJob:
    path: str  # relative to the tree
    language: str  # rust | c | h | csharp | cpp | hpp
    size: int
    project: Project
    config: Config | None = None
    decoy: str | None = None
    extra_items: list[str] = field(default_factory=list)
    prelude: str = ""  # text after the header (module declarations, #includes)
    crlf: bool = False
    bom: bool = False


def file_size(rng: random.Random) -> int:
    # Mean about 12 KB: 20,000 files make about 250 MB.
    return int(rng.triangular(2 * KIB, 30 * KIB, 3 * KIB))


def unique(name: str, taken: set[str]) -> str:
    base, n = name, 2
    while name in taken:
        name = f"{base}{n}"
        n += 1
    taken.add(name)
    return name


# Directory names; never `target`, which the tree's .gitignore ignores at any depth.
DIRECTORY_NOUNS = [n for n in NOUNS if n not in ("target", "bin", "obj")]


def plan(n_files: int, rng: random.Random) -> tuple[list[Project], list[FileJob]]:
    kinds = ["crates", "legacy", "native", "next", "dotnet", "cpp"]
    weights = [0.37, 0.05, 0.25, 0.05, 0.23, 0.05]
    mean_project = max(6, n_files // 150)
    projects: list[Project] = []
    jobs: list[FileJob] = []
    names: dict[str, set[str]] = {k: set() for k in kinds}
    remaining = n_files
    while remaining > 0:
        kind = kinds[len(projects)] if len(projects) < len(kinds) else rng.choices(kinds, weights)[0]
        count = min(remaining, max(3, int(mean_project * rng.uniform(0.4, 1.6))))
        if len(projects) < len(kinds):
            # Room for every shape of the kind (shapes need source files, not headers or lib.rs).
            shapes = sum(1 for k, _ in SHAPES if k == kind)
            count = min(remaining, max(count, int(shapes / 0.6) + 6))
        remaining -= count
        if kind in ("crates", "legacy"):
            name = unique(f"{rng.choice(NOUNS)}-{rng.choice(NOUNS)}".replace("_", "-"), names[kind])
            base = ("crates/" if kind == "crates" else "legacy/crates/") + name
            project = Project(kind, name, base)
            dirs = ["src"]
            taken: set[str] = {"lib", "limits"}
            for i in range(count):
                if i == 0:
                    path = f"{base}/src/lib.rs"
                else:
                    if rng.random() < 0.12 and len(dirs) < 12:
                        dirs.append(rng.choice(dirs) + "/" + unique(rng.choice(DIRECTORY_NOUNS), taken))
                    path = f"{base}/{rng.choice(dirs)}/{unique(snake(rng, rng.randint(1, 2)), taken)}.rs"
                jobs.append(FileJob(path, "rust", file_size(rng), project))
        elif kind == "cpp":
            name = unique(f"{rng.choice(NOUNS)}{rng.choice(['', '-host', '-runtime', 'xx'])}".replace("_", "-"), names[kind])
            base = f"cpp/{name}"
            project = Project(kind, name, base)
            taken = {f"{name}_limits"}
            header_ext = cpp_header_ext(project)
            source_ext = "cpp" if header_ext == "hpp" else "cc"
            subdirs = ["src"] + [f"src/{unique(rng.choice(DIRECTORY_NOUNS), taken)}" for _ in range(count // 40)]
            for i in range(count):
                if rng.random() < 0.25:
                    path = f"{base}/include/{name}/{unique(snake(rng, rng.randint(1, 2)), taken)}.{header_ext}"
                    jobs.append(FileJob(path, "hpp", file_size(rng), project))
                else:
                    path = f"{base}/{rng.choice(subdirs)}/{unique(snake(rng, rng.randint(1, 2)), taken)}.{source_ext}"
                    jobs.append(FileJob(path, "cpp", file_size(rng), project))
        elif kind in ("native", "next"):
            name = unique(f"lib{rng.choice(NOUNS)}".replace("_", ""), names[kind])
            base = ("native/" if kind == "native" else "next/native/") + name
            project = Project(kind, name, base)
            taken = {f"{name}_limits"}
            subdirs = ["src"] + [f"src/{unique(rng.choice(DIRECTORY_NOUNS), taken)}" for _ in range(count // 40)]
            for i in range(count):
                if rng.random() < 0.28:
                    path = f"{base}/include/{name}/{unique(snake(rng, rng.randint(1, 2)), taken)}.h"
                    jobs.append(FileJob(path, "h", file_size(rng), project))
                else:
                    path = f"{base}/{rng.choice(subdirs)}/{unique(snake(rng, rng.randint(1, 2)), taken)}.c"
                    jobs.append(FileJob(path, "c", file_size(rng), project))
        else:
            name = unique(camel(rng) if rng.random() < 0.5 else "Contoso." + camel(rng), names[kind])
            base = f"dotnet/{name}"
            project = Project(kind, name, base)
            taken = {"Limits"}
            folders = [""] + [unique(camel(rng, 1), taken) for _ in range(max(1, count // 25))]
            for i in range(count):
                folder = rng.choice(folders)
                path = f"{base}/{folder + '/' if folder else ''}{unique(camel(rng), taken)}.cs"
                jobs.append(FileJob(path, "csharp", file_size(rng), project, crlf=rng.random() < 0.08, bom=rng.random() < 0.05))
        projects.append(project)
    return projects, jobs


def header_text(job: FileJob, rng: random.Random) -> str:
    if job.language == "rust":
        return RustGen(rng).header()
    if job.language == "c":
        return CGen(rng).header()
    if job.language == "h":
        guard = job.path.upper().replace("/", "_").replace(".", "_").replace("-", "_")
        return f"#ifndef {guard}\n#define {guard}\n\n#include <stddef.h>\n#include <stdint.h>\n"
    if job.language == "cpp":
        return CppGen(rng).header()
    if job.language == "hpp":
        return "#pragma once\n\n" + CppGen(rng).header()
    return CSharpGen(rng).usings()


def render(job: FileJob, pools: Pools, seed: int) -> tuple[str, list[tuple[int, int]]]:
    """The file's text and the (line, column) of each MARK, in order, with the marks removed."""
    rng = random.Random(f"{seed}:{job.path}")
    head = header_text(job, rng) + job.prelude
    pool = {"rust": pools.rust, "c": pools.c, "h": pools.h, "csharp": pools.cs, "cpp": pools.cpp, "hpp": pools.hpp}[job.language]
    special = list(job.extra_items)
    if job.decoy:
        special.append(job.decoy)
    if job.config:
        special.append(job.config.code)
    items = fill(pool, rng, max(0, job.size - len(head) - sum(len(s) + 1 for s in special)))
    for item in special:
        items.insert(rng.randrange(len(items) + 1), item)
    if job.language == "csharp":
        namespace = "Contoso." + "".join(w[:1].upper() + w[1:] for w in re.split(r"[^A-Za-z0-9]+", job.project.name.split(".")[-1]))
        if rng.random() < 0.5:
            text = head + f"\nnamespace {namespace};\n\n" + "\n".join(i.replace("\n    ", "\n").removeprefix("    ") for i in items)
        else:
            text = head + f"\nnamespace {namespace}\n{{\n" + "\n".join(items) + "}\n"
    elif job.language == "h":
        text = head + "\n" + "\n".join(items) + "\n#endif\n"
    else:
        text = head + "\n" + "\n".join(items)
    return locate_marks(text)


def locate_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    positions = []
    parts = text.split(MARK)
    line, col = 1, 1
    for part in parts[:-1]:
        nl = part.count("\n")
        if nl:
            line += nl
            col = len(part) - part.rfind("\n")
        else:
            col += len(part)
        positions.append((line, col))
    return "".join(parts), positions


def write_text(path: str, text: str, crlf: bool = False, bom: bool = False) -> int:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


CARGO_LOCK = """# This file is automatically @generated by Cargo.
# It is not intended for manual editing.
version = 3

[[package]]
name = "anyhow"
version = "1.0.89"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "cranelift-codegen"
version = "{cranelift}"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasmtime"
version = "{version}"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "anyhow",
 "cranelift-codegen",
]
"""


def write_manifests(tree: str, projects: list[Project], config_projects: set[str]) -> None:
    os.makedirs(os.path.join(tree, ".git", "objects"), exist_ok=True)
    os.makedirs(os.path.join(tree, ".git", "refs", "heads"), exist_ok=True)
    write_text(os.path.join(tree, ".git", "HEAD"), "ref: refs/heads/main\n")
    write_text(os.path.join(tree, ".gitignore"), "# build output\ntarget/\n*.swp\n")
    write_text(os.path.join(tree, "README.md"), "# Generated monorepo for the wasmfix benchmark\n\nDo not edit: bench/generate.py writes it.\n")
    crates = sorted(p.directory for p in projects if p.kind == "crates")
    write_text(os.path.join(tree, "Cargo.toml"),
               "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\nanyhow = \"1\"\nwasmtime = \"25.0.0\"\n")
    write_text(os.path.join(tree, "Cargo.lock"), CARGO_LOCK.format(version="25.0.0", cranelift="0.112.0"))
    write_text(os.path.join(tree, "wasmtime-version.txt"), "25.0.0\n")
    write_text(os.path.join(tree, "legacy", "Cargo.toml"),
               "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\nwasmtime = \"11.0.0\"\n")
    write_text(os.path.join(tree, "legacy", "Cargo.lock"), CARGO_LOCK.format(version="11.0.0", cranelift="0.98.0"))
    # The Wasmtime CLI pins, one per folder of scripts that needs another version than the root's
    # (next/ already has one); they are never above a source file, so they change no library's version.
    for directory, version in sorted(CLI_VERSION_FILES.items()):
        write_text(os.path.join(tree, directory, "wasmtime-version.txt"), version + "\n")
    write_text(os.path.join(tree, "dotnet", "Directory.Packages.props"),
               "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n"
               "  <ItemGroup>\n    <PackageVersion Include=\"Wasmtime\" Version=\"22.0.0\" />\n"
               "    <PackageVersion Include=\"Microsoft.Extensions.Logging\" Version=\"8.0.0\" />\n  </ItemGroup>\n</Project>\n")
    write_text(os.path.join(tree, "dotnet", ".gitignore"), "bin/\nobj/\n")
    for p in projects:
        d = os.path.join(tree, p.directory)
        uses = p.directory in config_projects
        if p.kind in ("crates", "legacy"):
            deps = "anyhow = { workspace = true }\n" if p.kind == "crates" else ""
            if uses:
                deps += "wasmtime = { workspace = true }\n"
            write_text(os.path.join(d, "Cargo.toml"),
                       f"[package]\nname = \"{p.name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{deps}")
        elif p.kind == "cpp":
            write_text(os.path.join(d, "CMakeLists.txt"),
                       f"cmake_minimum_required(VERSION 3.20)\nproject({p.name} CXX)\nset(CMAKE_CXX_STANDARD 20)\n"
                       f"file(GLOB_RECURSE SOURCES src/*.cc src/*.cpp)\nadd_library({p.name} ${{SOURCES}})\n"
                       f"target_include_directories({p.name} PUBLIC include)\n"
                       + (f"target_link_libraries({p.name} PRIVATE wasmtime)\n" if uses else ""))
        elif p.kind in ("native", "next"):
            write_text(os.path.join(d, "CMakeLists.txt"),
                       f"cmake_minimum_required(VERSION 3.16)\nproject({p.name} C)\nfile(GLOB_RECURSE SOURCES src/*.c)\n"
                       f"add_library({p.name} ${{SOURCES}})\ntarget_include_directories({p.name} PUBLIC include)\n"
                       + (f"target_link_libraries({p.name} PRIVATE wasmtime)\n" if uses else ""))
        else:
            refs = "    <PackageReference Include=\"Microsoft.Extensions.Logging\" />\n"
            if uses:
                refs += "    <PackageReference Include=\"Wasmtime\" />\n"
            write_text(os.path.join(d, p.name.split(".")[-1] + ".csproj"),
                       "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n"
                       f"    <Nullable>enable</Nullable>\n  </PropertyGroup>\n  <ItemGroup>\n{refs}  </ItemGroup>\n</Project>\n")


def cpp_header_ext(project: Project) -> str:
    """Each C++ project keeps one style: .cc/.hh, or .cpp/.hpp."""
    return "hpp" if project.name.endswith("xx") or project.name.endswith("-runtime") else "hh"


def constants_job(project: Project, items: list[str], rng: random.Random) -> FileJob:
    if project.kind in ("crates", "legacy"):
        job = FileJob(f"{project.directory}/src/limits.rs", "rust", file_size(rng), project)
        job.extra_items = items
    elif project.kind in ("native", "next"):
        job = FileJob(f"{project.directory}/include/{project.name}/{project.name}_limits.h", "h", file_size(rng), project)
        job.extra_items = items
    elif project.kind == "cpp":
        job = FileJob(f"{project.directory}/include/{project.name}/{project.name}_limits.{cpp_header_ext(project)}", "hpp", file_size(rng), project)
        job.extra_items = items
    else:
        job = FileJob(f"{project.directory}/Limits.cs", "csharp", file_size(rng), project)
        job.extra_items = ["    public static class Limits\n    {\n" + "".join(items) + "    }\n"]
    return job


def generate(n_files: int, seed: int, out: str) -> dict:
    rng = random.Random(seed)
    tree = os.path.join(out, "tree")
    if os.path.exists(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    pools = build_pools(seed)
    n_aux = aux_file_count(n_files, seed)
    projects, jobs = plan(n_files - n_aux, rng)
    by_kind: dict[str, list[Project]] = {}
    for p in projects:
        by_kind.setdefault(p.kind, []).append(p)
    jobs_by_project: dict[str, list[FileJob]] = {}
    for j in jobs:
        jobs_by_project.setdefault(j.project.directory, []).append(j)

    # Configurations: about one file in 500, every shape at least once.
    n_configs = max(len(SHAPES), round(n_files / 500))
    order = list(range(len(SHAPES)))
    rng.shuffle(order)
    used: set[str] = set()
    constants: dict[str, list[str]] = {}  # project directory -> constant items
    config_projects: set[str] = set()
    for i in range(n_configs):
        kind, shape = SHAPES[order[i % len(SHAPES)]]
        config = shape(rng, i)
        config.shape = shape.__name__
        for _ in range(1000):
            project = rng.choice(by_kind[kind])
            language = LANGUAGE_OF_KIND[kind]
            candidates = [j for j in jobs_by_project[project.directory]
                          if j.path not in used and j.language == language and not j.path.endswith("/lib.rs")]
            if candidates:
                break
        else:
            raise SystemExit(f"generate.py: no free {kind} file for a configuration; use more --files")
        job = rng.choice(candidates)
        used.add(job.path)
        job.config = config
        config_projects.add(project.directory)
        for role, items in config.constants.items():
            constants.setdefault(project.directory, []).extend(items)

    # Constant files, and the includes / module declarations that use them.
    projects_by_dir = {p.directory: p for p in projects}
    for directory, items in sorted(constants.items()):
        project = projects_by_dir[directory]
        job = constants_job(project, items, rng)
        # It replaces a junk file of the project, so the tree keeps exactly --files files.
        for pool_of_jobs in (jobs_by_project[directory], jobs):
            spare = [j for j in pool_of_jobs if j.path not in used and j.language == job.language
                     and not j.path.endswith("/lib.rs")]
            if spare:
                jobs.remove(rng.choice(spare))
                break
        else:
            raise SystemExit(f"generate.py: no {job.language} file to replace with {job.path}; use more --files")
        jobs.append(job)
        used.add(job.path)
    jobs_by_project = {}
    for j in jobs:
        jobs_by_project.setdefault(j.project.directory, []).append(j)
    for job in jobs:
        if job.language == "cpp" and job.config:
            job.prelude = "#include <wasmtime.hh>\n"
            if job.config.constants.get("header"):
                job.prelude += f'#include "{job.project.name}/{job.project.name}_limits.{cpp_header_ext(job.project)}"\n'
        elif job.config and job.config.constants.get("header"):
            job.prelude = f'#include "{job.project.name}/{job.project.name}_limits.h"\n'
        if job.path.endswith("/src/lib.rs"):
            modules = sorted({p.split("/src/")[1].split("/")[0].removesuffix(".rs") for p in
                              (j.path for j in jobs_by_project[job.project.directory]) if "/src/" in p} - {"lib"})
            if job.project.directory in constants:
                modules = sorted(set(modules) | {"limits"})
            job.prelude = "\n" + "".join(f"pub mod {m};\n" for m in modules)

    # Decoys: about one file in 200, in files without a configuration.
    n_decoys = max(8, n_files // 200)
    free = [j for j in jobs if j.path not in used]
    for _ in range(min(n_decoys, len(free))):
        job = free.pop(rng.randrange(len(free)))
        options = {"rust": rust_decoys, "c": c_decoys, "h": h_decoys, "csharp": cs_decoys, "cpp": cpp_decoys,
                   "hpp": hpp_decoys}[job.language](rng)
        job.decoy = rng.choice(options)

    # Scripts, build files, workflows, TOML files and docs: the command-line surfaces.
    places = CliPlaces(random.Random(f"{seed}:places"), projects)
    aux_jobs, cli_configs = plan_aux(n_files, seed, n_aux, random.Random(f"{seed}:aux"), places)
    assert len(jobs) + len(aux_jobs) == n_files, (len(jobs), len(aux_jobs), n_files)
    # Source files grow a little so that the tree keeps its size (the others are small).
    mean_code = (2 + 30 + 3) / 3 * KIB
    scale = (n_files * mean_code - sum(j.size for j in aux_jobs)) / (len(jobs) * mean_code)
    for job in jobs:
        job.size = int(job.size * scale)

    write_manifests(tree, projects, config_projects)

    sites_out: list[dict] = []
    findings_out: list[dict] = []
    total_bytes = 0
    for job in sorted(jobs, key=lambda j: j.path):
        text, marks = render(job, pools, seed)
        total_bytes += write_text(os.path.join(tree, job.path), text, job.crlf, job.bom)
        if not job.config:
            assert not marks, job.path
            continue
        config = job.config
        assert len(marks) == len(config.sites), (job.path, config.shape, len(marks), len(config.sites))
        for (line, column), site in zip(marks, config.sites):
            sites_out.append({"path": job.path, "line": line, "column": column, "setting": site.setting,
                              "value": site.value, "shape": config.shape})
        language = LANGUAGE_OF_KIND[job.project.kind]
        for number, group in enumerate(config.groups):
            if number in config.pass_through: continue
            for rule, index in expected_findings([config.sites[i] for i in group], VERSIONS[job.project.kind], language):
                line, _ = marks[group[index]]
                findings_out.append({"rule": rule, "path": job.path, "line": line, "shape": config.shape})

    marks_of: dict[str, list[tuple[int, int]]] = {}
    for job in sorted(aux_jobs, key=lambda j: j.path):
        text, marks = render_aux(job, seed, places)
        total_bytes += write_text(os.path.join(tree, job.path), text)
        if job.config:
            marks_of[job.path] = marks
        else:
            assert not marks, job.path
            assert job.decoy or clean(text), job.path
    for config in cli_configs:
        positions: list[tuple[str, int, int]] = []
        for f in config.files:
            assert len(marks_of[f.path]) == f.marks, (f.path, config.shape)
            positions += [(f.path, line, column) for line, column in marks_of[f.path]]
        assert len(positions) == len(config.sites), config.shape
        for (path, line, column), site in zip(positions, config.sites):
            sites_out.append({"path": path, "line": line, "column": column, "setting": site.setting,
                              "value": site.value, "shape": config.shape})
        for group in config.groups:
            # The group's version: its first file's pin, or the version the file names itself.
            first = positions[group[0]][0]
            version = cli_version(first, next(f.hint for f in config.files if f.path == first))
            for rule, index in cli_expected_findings([config.sites[i] for i in group], version):
                path, line, _ = positions[group[index]]
                findings_out.append({"rule": rule, "path": path, "line": line, "shape": config.shape})

    ignored_files, ignored_bytes = write_ignored(tree, n_files, seed, pools, jobs, constants, cli_configs)
    sites_out.sort(key=lambda s: (s["path"], s["line"], s["column"]))
    findings_out.sort(key=lambda f: (f["path"], f["line"], f["rule"]))
    truth = {
        "generator": {"version": GENERATOR_VERSION, "seed": seed, "files": n_files},
        "tree": "tree",
        "wasmtime": {"version": "25.0.0", "source": "Cargo.lock"},
        "files": len(jobs) + len(aux_jobs),
        "bytes": total_bytes,
        "composition": composition(jobs, aux_jobs, cli_configs),
        "ignored_files": ignored_files,
        "ignored_bytes": ignored_bytes,
        "sites": sites_out,
        "findings": findings_out,
    }
    with open(os.path.join(out, "ground-truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    return truth


def composition(jobs: list[FileJob], aux_jobs: list[AuxJob], cli_configs: list[CliConfig]) -> dict:
    """What the tree holds, per kind of file: files, files with a configuration, files with a decoy."""
    def kind(path: str) -> str:
        name = path.rsplit("/", 1)[-1]
        return "Makefile" if name == "Makefile" else "." + name.rsplit(".", 1)[-1]
    out: dict[str, dict[str, int]] = {}
    for path, configured, decoy in ([(j.path, j.config is not None, j.decoy is not None) for j in jobs]
                                    + [(j.path, j.config is not None and j.config.files[j.file].marks > 0, j.decoy is not None)
                                       for j in aux_jobs]):
        entry = out.setdefault(kind(path), {"files": 0, "with_sites": 0, "with_decoys": 0})
        entry["files"] += 1
        entry["with_sites"] += configured
        entry["with_decoys"] += decoy
    return {"by_kind": dict(sorted(out.items())), "code_configurations": sum(1 for j in jobs if j.config),
            "command_line_configurations": len(cli_configs)}


def write_ignored(tree: str, n_files: int, seed: int, pools: Pools, jobs: list[FileJob], constants: dict[str, list[str]],
                  cli_configs: list[CliConfig]) -> tuple[int, int]:
    """target/ (and dotnet/*/obj/): junk, violations, and conflicting copies of the constants.

    Reading any of it changes the result: the violations add sites, and the copies define the
    real configurations' constants again with other values, which makes them ambiguous."""
    rng = random.Random(f"{seed}:ignored")
    count = max(10, n_files // 5)
    files, size = 0, 0
    conflicting: list[tuple[str, str]] = []
    for directory, items in sorted(constants.items()):
        kind = next(j.project.kind for j in jobs if j.project.directory == directory)
        text = "".join(items)
        if kind in ("crates", "legacy"):
            conflicting.append(("rust", text.replace("usize = ", "usize = 3 + ")))
        elif kind in ("native", "next"):
            conflicting.append(("h", re.sub(r"(#define \w+ \()", r"\g<1>7 + ", text)))
        elif kind == "cpp":
            conflicting.append(("hpp", text.replace(" = ", " = 7 + ")))
        else:
            conflicting.append(("csharp", "    public static class Limits\n    {\n" + text.replace(" = ", " = 5 + ") + "    }\n"))
    shapes = [s for s in SHAPES if s[1] not in (rust_async_only,)]
    crates = sorted({j.project.name for j in jobs if j.project.kind == "crates"}) or ["app"]
    for i in range(count):
        crate = rng.choice(crates)
        lang = rng.choices(["rust", "c", "csharp", "cpp"], [0.55, 0.23, 0.14, 0.08])[0]
        if lang == "rust":
            base = rng.choice([f"target/debug/build/{crate}-{rng.getrandbits(64):016x}/out",
                               f"target/release/build/{crate}-{rng.getrandbits(64):016x}/out",
                               f"target/package/{crate}-0.1.{rng.randrange(9)}/src"])
            path = f"{base}/{snake(rng)}.rs"
        elif lang == "c":
            path = f"target/debug/build/{crate}-sys-{rng.getrandbits(64):016x}/out/{snake(rng)}.{rng.choice(['c', 'h'])}"
            lang = "c" if path.endswith(".c") else "h"
        elif lang == "cpp":
            path = f"target/debug/build/{crate}-sys-{rng.getrandbits(64):016x}/out/{snake(rng)}.cc"
        else:
            path = f"target/dotnet/obj/Release/net8.0/{camel(rng)}.g.cs"
        job = FileJob(path, lang, file_size(rng), Project("crates", crate, "target"))
        if i < len(conflicting):
            job.language = conflicting[i][0]
            ext = {"rust": "rs", "h": "h", "csharp": "cs", "hpp": "hh"}[job.language]
            # Where `cargo package` would put a copy: the module path matches `crate::limits::X` too.
            job.path = (f"target/package/{crate}-0.1.{i}/src/limits.rs" if ext == "rs"
                        else f"target/debug/build/{crate}-{rng.getrandbits(64):016x}/out/limits_{i}.{ext}")
            job.extra_items = [conflicting[i][1]]
        elif rng.random() < 0.25:
            kind, shape = rng.choice([s for s in shapes if LANGUAGE_OF_KIND[s[0]] == {"rust": "rust", "c": "c", "h": "c", "csharp": "csharp", "cpp": "cpp"}[lang]])
            if lang == "h":
                job.language, job.path = "c", job.path[:-2] + ".c"
            job.config = shape(rng, 100000 + i)
        text, _ = render(job, pools, seed)
        size += write_text(os.path.join(tree, job.path), text)
        files += 1
    # A nested ignore rule: dotnet/.gitignore ignores obj/ in every project.
    dotnet = sorted({j.project.directory for j in jobs if j.project.kind == "dotnet"})
    for i in range(max(2, count // 50)):
        job = FileJob(f"{rng.choice(dotnet)}/obj/Debug/net8.0/{camel(rng)}.AssemblyInfo.cs", "csharp", file_size(rng),
                      Project("dotnet", "Generated", "obj"))
        job.config = rng.choice([cs_fluent_latent, cs_zero, cs_alias_async])(rng, 200000 + i)
        text, _ = render(job, pools, seed)
        size += write_text(os.path.join(tree, job.path), text)
        files += 1
    # The MSBuild properties the command lines read, defined again with other values in obj/
    # (restore writes *.nuget.g.props there): reading them makes the properties ambiguous.
    restored: dict[str, list[str]] = {}
    for config in cli_configs:
        for name, value in config.properties.items():
            restored.setdefault(rng.choice(dotnet), []).append(f"    <{name}>{value + 4096}</{name}>\n")
    for project, lines in sorted(restored.items()):
        text = f"<Project>\n  <PropertyGroup>\n{''.join(lines)}  </PropertyGroup>\n</Project>\n"
        size += write_text(os.path.join(tree, project, "obj", f"{project.rsplit('/', 1)[-1]}.csproj.nuget.g.props"), text)
        files += 1
    # Command lines in build output: copied scripts and options files with violations.
    for i in range(max(3, count // 100)):
        crate = rng.choice(crates)
        base = f"target/debug/build/{crate}-{rng.getrandbits(64):016x}/out"
        m = big(rng)
        path, text = rng.choice([
            (f"{base}/run-tests.sh", f"#!/bin/sh\nwasmtime run -W max-wasm-stack={m},async-stack-size={m // 2} --dir . app.wasm\n"),
            (f"{base}/wasmtime.toml", "[wasm]\nmax-wasm-stack = 0\n"),
            (f"{base}/runner.py", f'ARGS = ["-W", "max-wasm-stack={m}", "-W", "async-stack-size={MIB}"]\n'),
            (f"{base}/Makefile", f"test:\n\twasmtime run -W max-wasm-stack={m} app.wasm\n"),
        ])
        size += write_text(os.path.join(tree, path), text)
        files += 1
    return files, size


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20000, help="files in the scanned tree (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", required=True, help="output directory: OUT/tree and OUT/ground-truth.json")
    args = parser.parse_args(argv)
    if args.files < 150:
        parser.error("--files must be at least 150 (the tree holds every configuration shape)")
    truth = generate(args.files, args.seed, args.out)
    print(f"generate.py: {truth['files']} files, {truth['bytes'] / 1e6:.1f} MB in {args.out}/tree "
          f"(+{truth['ignored_files']} ignored, {truth['ignored_bytes'] / 1e6:.1f} MB); "
          f"{len(truth['sites'])} sites, {len(truth['findings'])} findings expected", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Generates the benchmark tree for `make bench`, deterministically from --seed.

    python3 bench/generate.py --files 20000 --seed 1 --out bench/out/tree-s1-n20000

writes
    OUT/tree/                the tree to scan (a repository: .git/, .gitignore, manifests, sources)
    OUT/ground-truth.json    every site wasmfix must report and every finding it must raise

The tree holds --files source files (.rs, .c/.h, .cs; 2-30 KB, about 250 MB for 20,000) of
plausible code: items are drawn from per-language pools of generated functions, types and
comments, so files differ from each other without being random noise, and every file parses
with tree-sitter without errors. About one file in 500 (at least one of each shape) holds a
Wasmtime engine configuration in one of the shapes below; some files hold decoys (setting
names in comments, strings, prototypes, longer identifiers) that are not sites.

A git-ignored `target/` folder (20% of the file count, plus `obj/` under dotnet/) holds junk,
violations and conflicting copies of the constants the real configurations use: a scanner that
reads it reports extra sites, or cannot resolve the constants, and fails the check.

Wasmtime versions come from manifests, as in a monorepo: the root Cargo.lock pins 25.0.0
(Rust crates/ and C native/), legacy/ has its own workspace on 11.0.0, next/ pins 47.0.0 with a
wasmtime-version.txt (C), and dotnet/ pins the Wasmtime NuGet package 22.0.0 centrally.
The expected findings are computed here from CONTRACT.md's rules and wasmtime-facts.md, not
from wasmfix's code.

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
GENERATOR_VERSION = 2
MARK = "\x01"  # precedes a setting's name token in generated text; removed before writing
SNAKE_SUFFIX = "\x02"  # replaced per file and item, so item names differ between files
CAMEL_SUFFIX = "\x03"

# Needles a junk item must never contain (it would be a decoy or a site by accident).
NEEDLES = (
    "max_wasm_stack", "async_stack_size", "async_support", "wasmtime_config_", "WithMaximumStackSize",
    "WithMaxWasmStack", "WithAsync", "WASM_", "Wasm", "wasm",
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


def build_pools(seed: int) -> Pools:
    rng = random.Random(f"{seed}:pools")
    return Pools(
        rust=make_pool(RustGen(rng).item, POOL_SIZE),
        c=make_pool(CGen(rng).item, POOL_SIZE),
        h=make_pool(CGen(rng).header_item, POOL_SIZE // 2),
        cs=make_pool(CSharpGen(rng).item, POOL_SIZE),
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
    kind: str  # crates | legacy | native | next | dotnet
    name: str
    directory: str  # relative to the tree


VERSIONS = {"crates": (25, 0, 0), "legacy": (11, 0, 0), "native": (25, 0, 0), "next": (47, 0, 0), "dotnet": (22, 0, 0)}
LANGUAGE_OF_KIND = {"crates": "rust", "legacy": "rust", "native": "c", "next": "c", "dotnet": "csharp"}


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
    # C API, and wasmtime-dotnet which wraps the C API of the same version
    if version < (10, 0, 0): return False
    if version < (12, 0, 0): return True
    if version < (42, 0, 0): return async_support is True
    return True


def has_async_stack_setter(version, language: str) -> bool:
    if language == "rust": return version >= (0, 25, 0)
    if language == "c": return version >= (14, 0, 0)
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
# The tree

@dataclass
class FileJob:
    path: str  # relative to the tree
    language: str  # rust | c | h | csharp
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
    kinds = ["crates", "legacy", "native", "next", "dotnet"]
    weights = [0.38, 0.05, 0.27, 0.05, 0.25]
    mean_project = max(6, n_files // 150)
    projects: list[Project] = []
    jobs: list[FileJob] = []
    names: dict[str, set[str]] = {k: set() for k in kinds}
    remaining = n_files
    while remaining > 0:
        kind = kinds[len(projects)] if len(projects) < len(kinds) else rng.choices(kinds, weights)[0]
        count = min(remaining, max(3, int(mean_project * rng.uniform(0.4, 1.6))))
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
    return CSharpGen(rng).usings()


def render(job: FileJob, pools: Pools, seed: int) -> tuple[str, list[tuple[int, int]]]:
    """The file's text and the (line, column) of each MARK, in order, with the marks removed."""
    rng = random.Random(f"{seed}:{job.path}")
    head = header_text(job, rng) + job.prelude
    pool = {"rust": pools.rust, "c": pools.c, "h": pools.h, "csharp": pools.cs}[job.language]
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
    write_text(os.path.join(tree, "next", "wasmtime-version.txt"), "47.0.0\n")
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


def constants_job(project: Project, items: list[str], rng: random.Random) -> FileJob:
    if project.kind in ("crates", "legacy"):
        job = FileJob(f"{project.directory}/src/limits.rs", "rust", file_size(rng), project)
        job.extra_items = items
    elif project.kind in ("native", "next"):
        job = FileJob(f"{project.directory}/include/{project.name}/{project.name}_limits.h", "h", file_size(rng), project)
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
    projects, jobs = plan(n_files, rng)
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
        jobs.append(job)
        used.add(job.path)
    jobs_by_project = {}
    for j in jobs:
        jobs_by_project.setdefault(j.project.directory, []).append(j)
    for job in jobs:
        if job.config and job.config.constants.get("header"):
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
        options = {"rust": rust_decoys, "c": c_decoys, "h": h_decoys, "csharp": cs_decoys}[job.language](rng)
        job.decoy = rng.choice(options)

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

    cli_sites, cli_findings, cli_files, cli_bytes = write_command_line_surfaces(tree, n_files, seed)
    sites_out += cli_sites
    findings_out += cli_findings
    total_bytes += cli_bytes
    ignored_files, ignored_bytes = write_ignored(tree, n_files, seed, pools, jobs, constants)
    sites_out.sort(key=lambda s: (s["path"], s["line"], s["column"]))
    findings_out.sort(key=lambda f: (f["path"], f["line"], f["rule"]))
    truth = {
        "generator": {"version": GENERATOR_VERSION, "seed": seed, "files": n_files},
        "tree": "tree",
        "wasmtime": {"version": "25.0.0", "source": "Cargo.lock"},
        "files": len(jobs) + cli_files,
        "bytes": total_bytes,
        "ignored_files": ignored_files,
        "ignored_bytes": ignored_bytes,
        "sites": sites_out,
        "findings": findings_out,
    }
    with open(os.path.join(out, "ground-truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
        f.write("\n")
    return truth



# ---------------------------------------------------------------------------------------------
# Command-line surfaces and C++ (issue 8): CI scripts, Makefiles, workflows, MSBuild, Python
# argument lists, the CLI's TOML file, and C++ embedders. Whole files, written after the source
# projects; about 1 file in 100 of the tree, most of them with no Wasmtime flag at all.

CLI_VERSION = "25.0.1"  # ci/wasmtime-version.txt: the CLI derives async = max + 512 KiB


def marked_sites(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Removes MARKs, returning the text and the 1-based (line, column) of each."""
    marks, out = [], []
    line, column = 1, 1
    for ch in text:
        if ch == MARK:
            marks.append((line, column))
            continue
        out.append(ch)
        if ch == "\n":
            line, column = line + 1, 1
        else:
            column += 1
    return "".join(out), marks


def cli_shell_site(rng, k):
    m = big(rng)
    smaller = rng.random() < 0.5
    a = m // 2 if smaller else m + MIB
    text = (f"#!/bin/sh\n# Runs test binary {k} under wasmtime.\nset -e\n"
            f"wasmtime run -W {MARK}max-wasm-stack={m},{MARK}async-stack-size={a} --dir . \"$@\"\n")
    return text, [("max_wasm_stack", m), ("async_stack_size", a)], [("WF001", 0)] if smaller else []


def cli_shell_max_only(rng, k):
    m = big(rng)
    text = (f"#!/usr/bin/env bash\n# Wrapper {k}: the CLI sizes the async stack itself from 25.0.1.\n"
            f"STACK={m}\nexec wasmtime run \\\n  -W{MARK}max-wasm-stack=$STACK \\\n  --dir . \"$@\"\n")
    return text, [("max_wasm_stack", m)], []


def cli_makefile_site(rng, k):
    m = big(rng)
    a = m // 2
    text = (f"WASMTIME ?= wasmtime\nGUEST_STACK := {m}\n\n.PHONY: test{k}\ntest{k}: build/app.wasm\n"
            f"\t$(WASMTIME) run -W {MARK}max-wasm-stack=$(GUEST_STACK) -W {MARK}async-stack-size={a} --dir . $<\n")
    return text, [("max_wasm_stack", m), ("async_stack_size", a)], [("WF001", 0)]


def cli_workflow_site(rng, k):
    m = big(rng)
    a = m + MIB
    text = (f"name: wasi {k}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - uses: actions/checkout@v4\n      - name: Test\n        run: |\n"
            f"          cargo build --target wasm32-wasip1\n"
            f"          wasmtime run --wasm {MARK}max-wasm-stack={m} --wasm {MARK}async-stack-size={a} target/app.wasm\n")
    return text, [("max_wasm_stack", m), ("async_stack_size", a)], []


def cli_msbuild_site(rng, k):
    m = big(rng)
    text = ("<Project>\n  <PropertyGroup>\n    <_XHarnessArgs>wasi $XHARNESS_COMMAND --app=.</_XHarnessArgs>\n"
            f"    <_XHarnessArgs>$(_XHarnessArgs) --engine-arg=-W --engine-arg={MARK}max-wasm-stack={m} "
            f"--engine-arg=-W --engine-arg={MARK}async-stack-size={MIB}</_XHarnessArgs>\n  </PropertyGroup>\n</Project>\n")
    return text, [("max_wasm_stack", m), ("async_stack_size", MIB)], [("WF001", 0)]


def cli_python_site(rng, k):
    m = big(rng)
    text = (f'"""Runs suite {k} under wasmtime."""\nimport subprocess\n\n'
            f'ENGINE_ARGS = ["-W", "{MARK}max-wasm-stack={m}", "-W", "{MARK}async-stack-size={m + 512 * KIB}"]\n\n\n'
            f'def run(module):\n    return subprocess.run(["wasmtime", "run", *ENGINE_ARGS, module], check=True)\n')
    return text, [("max_wasm_stack", m), ("async_stack_size", m + 512 * KIB)], []


def cpp_site(rng, k):
    m = big(rng)
    text = ("#include <wasmtime.hh>\n\nwasmtime::Engine make_engine_%d() {\n  wasmtime::Config config;\n"
            "  %swasmtime_config_async_support_set(config.capi(), true);\n"
            "  config.%smax_wasm_stack(%d);\n  return wasmtime::Engine(std::move(config));\n}\n") % (k, MARK, MARK, m)
    return text, [("async_support", True), ("max_wasm_stack", m)], [("WF001", 1), ("WF003", 1)]


CLI_SITE_SHAPES = [("scripts", ".sh", cli_shell_site), ("scripts", ".sh", cli_shell_max_only), ("make", ".mk", cli_makefile_site),
                   (".github/workflows", ".yml", cli_workflow_site), ("eng", ".targets", cli_msbuild_site),
                   ("tools", ".py", cli_python_site)]


def cli_filler(rng, kind: str, k: int) -> str:
    """A file of the kind with no Wasmtime stack flag (most of them), or a decoy."""
    words = " ".join(rng.choice(NOUNS) for _ in range(6))
    decoy = rng.random() < 0.1
    if kind == ".sh":
        body = "".join(f"{rng.choice(['echo', 'cp', 'mkdir -p', 'test -f'])} {rng.choice(NOUNS)}/{rng.choice(NOUNS)}\n" for _ in range(rng.randint(5, 40)))
        extra = "# old: wasmtime run -W max-wasm-stack=134217728 app.wasm\necho \"pass -W max-wasm-stack=N if the guest overflows\"\n" if decoy else ""
        return f"#!/bin/sh\n# {words}\nset -e\n{extra}{body}"
    if kind == ".mk":
        return "".join(f"{rng.choice(NOUNS)}{i}: {rng.choice(NOUNS)}.o\n\t$(CC) -o $@ $^  # {words}\n" for i in range(rng.randint(3, 20)))
    if kind == ".yml":
        name = "max-wasm-stack smoke" if decoy else words
        return (f"name: {name}\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                + "".join(f"      - run: make {rng.choice(NOUNS)}\n" for _ in range(rng.randint(2, 12))))
    if kind == ".targets":
        return "<Project>\n  <PropertyGroup>\n" + "".join(f"    <{camel(rng)}>{rng.choice(NOUNS)}</{camel(rng)}>\n".replace("</" , "</", 1) for _ in range(rng.randint(2, 12))).replace("><", "><") + "  </PropertyGroup>\n</Project>\n"
    if kind == ".py":
        extra = "# wasmtime run -W max-wasm-stack=134217728\n" if decoy else ""
        return f'"""{words}."""\n{extra}' + "".join(f"def {snake(rng)}_{i}(x):\n    return x + {rng.randrange(100)}\n\n\n" for i in range(rng.randint(3, 30)))
    if kind == ".toml":
        return f"[package]\nname = \"{rng.choice(NOUNS)}-{k}\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1\"\n"
    return f"// {words}\nint f{k}(int x) {{ return x * {rng.randrange(1, 9)}; }}\n"  # .cc


def write_command_line_surfaces(tree: str, n_files: int, seed: int) -> tuple[list[dict], list[dict], int, int]:
    rng = random.Random(f"{seed}:cli")
    sites, findings, files, size = [], [], 0, 0
    write_text(os.path.join(tree, "ci", "wasmtime-version.txt"), CLI_VERSION + "\n")
    write_text(os.path.join(tree, "ci", "README.md"), "Run `wasmtime run -W max-wasm-stack=134217728 app.wasm` to reproduce.\n")
    write_text(os.path.join(tree, "ci", "v30", "wasmtime-version.txt"), "30.0.0\n")
    write_text(os.path.join(tree, "cpp", "wasmtime-version.txt"), "25.0.0\n")
    n_sites = max(4, n_files // 700)
    n_filler = max(10, n_files // 120)

    def emit(path, text, shape_sites, shape_findings, shape):
        nonlocal files, size
        clean_text, marks = marked_sites(text)
        assert len(marks) == len(shape_sites), (path, shape)
        size += write_text(os.path.join(tree, path), clean_text)
        files += 1
        for (line, column), (setting, value) in zip(marks, shape_sites):
            sites.append({"path": path, "line": line, "column": column, "setting": setting, "value": value, "shape": shape})
        for rule, index in shape_findings:
            findings.append({"rule": rule, "path": path, "line": marks[index][0], "shape": shape})

    for k in range(n_sites):
        folder, ext, shape = CLI_SITE_SHAPES[k % len(CLI_SITE_SHAPES)]
        text, shape_sites, shape_findings = shape(rng, k)
        emit(f"ci/{folder}/{shape.__name__}_{k}{ext}", text, shape_sites, shape_findings, shape.__name__)
    for k in range(max(1, n_sites // 6)):
        m = big(rng)
        emit(f"ci/v30/wasmtime_{k}.toml", f"[wasm]\n{MARK}max-wasm-stack = {m}\n{MARK}async-stack-size = {m // 2}\n",
             [("max_wasm_stack", m), ("async_stack_size", m // 2)], [("WF001", 0)], "cli_toml")
        text, shape_sites, shape_findings = cpp_site(rng, k)
        emit(f"cpp/src/engine_{k}.cc", text, shape_sites, shape_findings, "cpp_site")
    kinds = [("scripts", ".sh"), ("make", ".mk"), (".github/workflows", ".yml"), ("eng", ".targets"), ("tools", ".py"),
             ("crates-config", ".toml"), ("cpp/src", ".cc")]
    for k in range(n_filler):
        folder, ext = kinds[k % len(kinds)]
        path = f"{folder}/{snake(rng)}_{k}{ext}" if folder.startswith("cpp") else f"ci/{folder}/{snake(rng)}_{k}{ext}"
        size += write_text(os.path.join(tree, path), cli_filler(rng, ext, k))
        files += 1
    return sites, findings, files, size


def write_ignored(tree: str, n_files: int, seed: int, pools: Pools, jobs: list[FileJob], constants: dict[str, list[str]]) -> tuple[int, int]:
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
        else:
            conflicting.append(("csharp", "    public static class Limits\n    {\n" + text.replace(" = ", " = 5 + ") + "    }\n"))
    shapes = [s for s in SHAPES if s[1] not in (rust_async_only,)]
    crates = sorted({j.project.name for j in jobs if j.project.kind == "crates"}) or ["app"]
    for i in range(count):
        crate = rng.choice(crates)
        lang = rng.choices(["rust", "c", "csharp"], [0.6, 0.25, 0.15])[0]
        if lang == "rust":
            base = rng.choice([f"target/debug/build/{crate}-{rng.getrandbits(64):016x}/out",
                               f"target/release/build/{crate}-{rng.getrandbits(64):016x}/out",
                               f"target/package/{crate}-0.1.{rng.randrange(9)}/src"])
            path = f"{base}/{snake(rng)}.rs"
        elif lang == "c":
            path = f"target/debug/build/{crate}-sys-{rng.getrandbits(64):016x}/out/{snake(rng)}.{rng.choice(['c', 'h'])}"
            lang = "c" if path.endswith(".c") else "h"
        else:
            path = f"target/dotnet/obj/Release/net8.0/{camel(rng)}.g.cs"
        job = FileJob(path, lang, file_size(rng), Project("crates", crate, "target"))
        if i < len(conflicting):
            job.language = conflicting[i][0]
            ext = {"rust": "rs", "h": "h", "csharp": "cs"}[job.language]
            # Where `cargo package` would put a copy: the module path matches `crate::limits::X` too.
            job.path = (f"target/package/{crate}-0.1.{i}/src/limits.rs" if ext == "rs"
                        else f"target/debug/build/{crate}-{rng.getrandbits(64):016x}/out/limits_{i}.{ext}")
            job.extra_items = [conflicting[i][1]]
        elif rng.random() < 0.25:
            kind, shape = rng.choice([s for s in shapes if LANGUAGE_OF_KIND[s[0]] == {"rust": "rust", "c": "c", "h": "c", "csharp": "csharp"}[lang]])
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
    return files, size


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20000, help="source files in the scanned tree (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", required=True, help="output directory: OUT/tree and OUT/ground-truth.json")
    args = parser.parse_args(argv)
    if args.files < 100:
        parser.error("--files must be at least 100 (the tree holds every configuration shape)")
    truth = generate(args.files, args.seed, args.out)
    print(f"generate.py: {truth['files']} files, {truth['bytes'] / 1e6:.1f} MB in {args.out}/tree "
          f"(+{truth['ignored_files']} ignored, {truth['ignored_bytes'] / 1e6:.1f} MB); "
          f"{len(truth['sites'])} sites, {len(truth['findings'])} findings expected", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

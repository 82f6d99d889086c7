import Testing
import TreeSitter
@testable import WasmfixCore
@testable import WasmfixSupport
@testable import WasmfixWorkspace
@testable import WasmfixSurfaces
@testable import WasmfixEvaluation
@testable import WasmfixAnalysis
@testable import WasmfixFixing
@testable import WasmfixReporting

/// The grammars pinned for the coming surfaces (C++, shell, MSBuild XML, YAML, TOML, Makefiles)
/// load into Debian's runtime and parse realistic snippets without errors, into the node types
/// the extractors will be written against.
@Suite struct ExtraGrammarTests {
  struct Parsed {
    let root: Node
    let bytes: [UInt8]

    func text(_ node: Node) -> String { String(decoding: bytes[node.byteRange], as: UTF8.self) }

    /// The byte offset of the first occurrence of `needle` in the source.
    func offset(of needle: String) -> Int? {
      let needle = Array(needle.utf8)
      return bytes.indices.first { bytes[$0...].starts(with: needle) }
    }

    /// Every named node of `type`, in source order.
    func all(_ type: String) -> [Node] {
      var found: [Node] = []
      root.walk { node in
        if node.type == type { found.append(node) }
        return true
      }
      return found
    }

    /// The set of named node types in the tree.
    var namedTypes: Set<String> {
      var types: Set<String> = []
      root.walk { node in
        if node.isNamed { types.insert(node.type) }
        return true
      }
      return types
    }
  }

  func parse(_ grammar: () throws -> TreeSitter.Language, _ source: String,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> Parsed {
    let bytes = Array(source.utf8)
    let tree = try #require(Parser(language: try grammar()).parse(bytes), sourceLocation: sourceLocation)
    let root = tree.rootNode
    #expect(!root.hasError, "\(root.sExpression)", sourceLocation: sourceLocation)
    #expect(root.errorCount == 0, sourceLocation: sourceLocation)
    return Parsed(root: root, bytes: bytes)
  }

  @Test func grammarsAreABI14() throws {
    for grammar in [ExtraGrammars.cpp, ExtraGrammars.bash, ExtraGrammars.xml, ExtraGrammars.yaml,
                    ExtraGrammars.toml, ExtraGrammars.make] {
      #expect(try grammar().abiVersion == 14)
    }
  }

  @Test func cpp() throws {
    let parsed = try parse(ExtraGrammars.cpp, """
      #include <wasmtime.hh>

      constexpr std::size_t operator""_MiB(unsigned long long n) { return n << 20; }
      constexpr size_t kStack = 8 << 20;
      static_assert(kStack == 8_MiB, "stack");

      wasmtime::Engine make_engine() {
        wasmtime::Config config;
        config.max_wasm_stack(8_MiB);
        return wasmtime::Engine(std::move(config));
      }
      """)
    #expect(parsed.namedTypes.isSuperset(of: [
      "translation_unit", "preproc_include", "function_definition", "operator_name", "declaration",
      "type_qualifier", "init_declarator", "binary_expression", "number_literal", "static_assert_declaration",
      "user_defined_literal", "literal_suffix", "call_expression", "field_expression", "field_identifier",
      "argument_list", "qualified_identifier", "namespace_identifier",
    ]))
    // config.max_wasm_stack(8_MiB)
    let call = try #require(parsed.all("call_expression").first {
      $0.child(byField: "function")?.type == "field_expression"
    })
    let function = try #require(call.child(byField: "function"))
    #expect(parsed.text(try #require(function.child(byField: "argument"))) == "config")
    #expect(parsed.text(try #require(function.child(byField: "field"))) == "max_wasm_stack")
    let argument = try #require(call.child(byField: "arguments")?.namedChild(0))
    #expect(argument.type == "user_defined_literal")
    #expect(argument.namedChildren.map(\.type) == ["number_literal", "literal_suffix"])
    #expect(argument.namedChildren.map(parsed.text) == ["8", "_MiB"])
    // constexpr size_t kStack = 8 << 20;
    let constant = try #require(parsed.all("declaration").first { parsed.text($0).contains("kStack") })
    #expect(constant.sExpression == "(declaration (type_qualifier) type: (primitive_type) declarator: "
      + "(init_declarator declarator: (identifier) value: (binary_expression left: (number_literal) right: (number_literal))))")
    #expect(parsed.text(try #require(constant.namedChild(0))) == "constexpr")
    // The literal operator's name.
    #expect(parsed.all("operator_name").map(parsed.text) == ["operator\"\"_MiB"])
    let assertion = try #require(parsed.all("static_assert_declaration").first)
    #expect(assertion.sExpression == "(static_assert_declaration condition: (binary_expression left: (identifier) "
      + "right: (user_defined_literal (number_literal) (literal_suffix))) message: (string_literal (string_content)))")
  }

  @Test func bash() throws {
    let source = """
      STACK="${STACK:-1048576}"
      wasmtime run -W max-wasm-stack=8388608 \\
        -W "max-wasm-stack=${STACK:-1048576}" --dir . app.wasm "$@"
      wasmtime run -W max-wasm-stack=$STACK 'app.wasm'

      """
    let parsed = try parse(ExtraGrammars.bash, source)
    #expect(parsed.root.sExpression == "(program "
      + "(variable_assignment name: (variable_name) value: (string (expansion (variable_name) (word)))) "
      + "(command name: (command_name (word)) argument: (word) argument: (word) argument: (word) argument: (word) "
      + "argument: (string (string_content) (expansion (variable_name) (word))) argument: (word) argument: (word) "
      + "argument: (word) argument: (string (simple_expansion (special_variable_name)))) "
      + "(command name: (command_name (word)) argument: (word) argument: (word) "
      + "argument: (concatenation (word) (simple_expansion (variable_name))) argument: (raw_string)))")
    let commands = parsed.all("command")
    #expect(commands.count == 2)
    // The backslash-newline is no node: the command spans both lines and its words go on.
    let first = commands[0]
    #expect(parsed.text(try #require(first.child(byField: "name"))) == "wasmtime")
    let words = first.namedChildren.dropFirst().map(parsed.text)
    #expect(words == ["run", "-W", "max-wasm-stack=8388608", "-W", "\"max-wasm-stack=${STACK:-1048576}\"",
                      "--dir", ".", "app.wasm", "\"$@\""])
    let expansion = try #require(parsed.all("expansion").last)
    #expect(parsed.text(expansion) == "${STACK:-1048576}")
    #expect(expansion.namedChildren.map(parsed.text) == ["STACK", "1048576"])
    #expect(expansion.children.map(\.type) == ["${", "variable_name", ":-", "word", "}"])
    #expect(parsed.all("string_content").map(parsed.text) == ["max-wasm-stack="])
    #expect(parsed.all("raw_string").map(parsed.text) == ["'app.wasm'"])
    // An unquoted expansion after text is a concatenation too.
    let unquoted = try parse(ExtraGrammars.bash, "wasmtime run -W max-wasm-stack=${STACK:-1048576} app.wasm\n")
    #expect(unquoted.all("concatenation").map(\.sExpression) == ["(concatenation (word) (expansion (variable_name) (word)))"])
  }

  @Test func msbuildXML() throws {
    let source = """
      <Project Sdk="Microsoft.NET.Sdk">
        <PropertyGroup Condition="'$(TargetOS)' == 'wasi'">
          <_XHarnessArgs>$(_XHarnessArgs) --engine-arg=-W --engine-arg=max-wasm-stack=134217728</_XHarnessArgs>
        </PropertyGroup>
        <ItemGroup><WasmRunArg Include="max-wasm-stack=8388608" /></ItemGroup>
      </Project>

      """
    let parsed = try parse(ExtraGrammars.xml, source)
    #expect(parsed.root.sExpression == "(document root: (element (STag (Name) (Attribute (Name) (AttValue))) "
      + "(content (CharData) (element (STag (Name) (Attribute (Name) (AttValue))) "
      + "(content (CharData) (element (STag (Name)) (content (CharData)) (ETag (Name))) (CharData)) (ETag (Name))) "
      + "(CharData) (element (STag (Name)) (content (element (EmptyElemTag (Name) (Attribute (Name) (AttValue))))) "
      + "(ETag (Name))) (CharData)) (ETag (Name))))")
    let property = try #require(parsed.all("element").first {
      $0.namedChild(0).flatMap { $0.namedChild(0) }.map(parsed.text) == "_XHarnessArgs"
    })
    let text = try #require(property.namedChildren.first { $0.type == "content" }?.namedChild(0))
    #expect(text.type == "CharData")
    #expect(parsed.text(text) == "$(_XHarnessArgs) --engine-arg=-W --engine-arg=max-wasm-stack=134217728")
    // An attribute's value is one AttValue with its quotes; the text inside is no node.
    #expect(parsed.all("AttValue").map(parsed.text) == ["\"Microsoft.NET.Sdk\"", "\"'$(TargetOS)' == 'wasi'\"",
                                                         "\"max-wasm-stack=8388608\""])
  }

  @Test func githubWorkflowYAML() throws {
    let source = """
      jobs:
        wasm:
          steps:
            - uses: bytecodealliance/actions/wasmtime/setup@v1
              with:
                version: "25.0.1"
            - run: |
                wasmtime run -W max-wasm-stack=8388608 app.wasm
                echo done
              env:
                STACK: 8388608

      """
    let parsed = try parse(ExtraGrammars.yaml, source)
    #expect(parsed.namedTypes == [
      "stream", "document", "block_node", "block_mapping", "block_mapping_pair", "flow_node", "plain_scalar",
      "string_scalar", "block_sequence", "block_sequence_item", "double_quote_scalar", "block_scalar",
      "integer_scalar",
    ])
    func value(of key: String) throws -> Node {
      let pair = try #require(parsed.all("block_mapping_pair").first {
        $0.child(byField: "key").map(parsed.text) == key
      })
      return try #require(pair.child(byField: "value"))
    }
    #expect(parsed.text(try value(of: "uses")) == "bytecodealliance/actions/wasmtime/setup@v1")
    #expect(try value(of: "uses").sExpression == "(flow_node (plain_scalar (string_scalar)))")
    // The quoted version: the scalar's range holds the quotes.
    let version = try value(of: "version")
    #expect(version.sExpression == "(flow_node (double_quote_scalar))")
    #expect(parsed.text(version) == "\"25.0.1\"")
    let versionStart = try #require(parsed.offset(of: "\"25.0.1\""))
    #expect(version.byteRange == versionStart..<versionStart + 8)
    // The `run: |` block: one block_scalar from the indicator to the end of its last line's text.
    let run = try value(of: "run")
    #expect(run.sExpression == "(block_node (block_scalar))")
    let block = try #require(run.namedChild(0))
    #expect(parsed.text(block) == "|\n          wasmtime run -W max-wasm-stack=8388608 app.wasm\n          echo done")
    #expect(try value(of: "STACK").sExpression == "(flow_node (plain_scalar (integer_scalar)))")
  }

  /// Plain scalars get the YAML 1.2 core schema's types (our grammars/yaml/supplement/schema.core.c).
  @Test(arguments: [
    ("~", "null_scalar"), ("null", "null_scalar"), ("NULL", "null_scalar"), ("nUll", "string_scalar"),
    ("true", "boolean_scalar"), ("False", "boolean_scalar"), ("true # note", "boolean_scalar"),
    ("true love", "string_scalar"), ("8388608", "integer_scalar"), ("-12", "integer_scalar"),
    ("0x1F", "integer_scalar"), ("0o17", "integer_scalar"), ("0x", "string_scalar"),
    ("8_388_608", "string_scalar"), ("1.5e3", "float_scalar"), ("-.inf", "float_scalar"),
    (".NaN", "float_scalar"), ("+.nan", "string_scalar"), ("25.0.1", "string_scalar"), ("12 34", "string_scalar"),
  ])
  func yamlCoreSchema(scalar: String, type: String) throws {
    let parsed = try parse(ExtraGrammars.yaml, "key: \(scalar)\n")
    let plain = try #require(parsed.all("plain_scalar").last)
    #expect(plain.namedChild(0)?.type == type)
  }

  @Test func toml() throws {
    let parsed = try parse(ExtraGrammars.toml, "[wasm]\nmax-wasm-stack = 8388608\n\"quoted\" = \"x\"\n\n[a.\"b\"]\nc = 0x10\n")
    #expect(parsed.root.sExpression == "(document (table (bare_key) (pair (bare_key) (integer)) (pair (quoted_key) (string))) "
      + "(table (dotted_key (bare_key) (quoted_key)) (pair (bare_key) (integer))))")
    let pair = try #require(parsed.all("pair").first)
    #expect(pair.namedChildren.map(parsed.text) == ["max-wasm-stack", "8388608"])
    #expect(parsed.all("table").map { parsed.text($0.namedChild(0)!) } == ["wasm", "a.\"b\""])
  }

  @Test func makefile() throws {
    let source = "WASMTIME ?= wasmtime\n\nrun: app.wasm\n"
      + "\t$(WASMTIME) run -W max-wasm-stack=16777216 $<\n"
      + "\t$(WASMTIME) run -W max-wasm-stack=$(STACK) \\\n\t  --dir . $<\n"
    let parsed = try parse(ExtraGrammars.make, source)
    #expect(parsed.root.sExpression == "(makefile (variable_assignment name: (word) value: (text)) "
      + "(rule (targets (word)) normal: (prerequisites (word)) (recipe "
      + "(recipe_line (shell_text (variable_reference (word)) (automatic_variable))) "
      + "(recipe_line (shell_text (variable_reference (word)) (variable_reference (word)) (automatic_variable))))))")
    // A recipe line is the line after the tab, continuation lines included.
    #expect(parsed.all("recipe_line").map(parsed.text) == [
      "$(WASMTIME) run -W max-wasm-stack=16777216 $<",
      "$(WASMTIME) run -W max-wasm-stack=$(STACK) \\\n\t  --dir . $<",
    ])
    #expect(parsed.all("shell_text").count == 2)
  }
}

import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * Finds every error code the sources can answer with, and the HTTP status of each, by following
 * codes from where they are written to where a problem answer is built.
 *
 * A "sink" is a callable whose arguments carry a code and a status: the base sinks are given by
 * the caller (the DomainError and ProblemException constructors, the function that builds every
 * problem answer). A function that passes one of its own parameters on as a sink's code (or
 * status) becomes a sink itself — `refuse.invalid(code, …)` does `new DomainError(code, …,
 * 'invalid')`, a guard's `this.refuse(code, …)` does `new ProblemException(401, code, …)` — so
 * its call sites are followed in turn, across files (the TypeScript checker resolves the calls).
 *
 * A code argument must come down to string literals: a literal, a constant, a conditional
 * between literals, a constant object's values (`CODES[field]`), or an interface property whose
 * object literals all set it. Anything else (a template, a computed value) is reported as
 * unresolved, so a new way of writing codes cannot slip past the catalogue unnoticed.
 */

export type StatusFrom = 'number' | 'kind';

export interface BaseSink {
  /** Repository-relative file declaring it. */
  file: string;
  /** A class (its constructor is the sink) or a function. */
  name: string;
  codeParam: number;
  statusParam: number;
  /** How the status argument reads: an HTTP status, or a DomainError kind mapped by `kindStatus`. */
  statusFrom: StatusFrom;
}

export interface ScanOptions {
  root: string;
  /** Repository-relative directories to scan. */
  dirs: string[];
  /** Files left out (tests, test support, generated code). */
  exclude: (relativePath: string) => boolean;
  sinks: BaseSink[];
  /** A DomainError kind → its HTTP status. */
  kindStatus: (kind: string) => number | undefined;
}

export interface CodeUse {
  code: string;
  status: number;
  file: string;
  line: number;
}

export interface Unresolved {
  file: string;
  line: number;
  /** The argument as written. */
  text: string;
  why: string;
}

export interface Forwarder {
  /** `refuse.invalid`, `requireStatus`, … */
  name: string;
  file: string;
  codeParam: number;
  /** The statuses its codes get, or the parameter they come from. */
  statuses: number[] | { param: number };
}

export interface ScanResult {
  uses: CodeUse[];
  unresolved: Unresolved[];
  /** Sinks found by following parameters, e.g. `refuse.invalid`, with their statuses when fixed. */
  forwarders: Forwarder[];
  files: number;
}

type Value =
  | { kind: 'literals'; values: Array<string | number> }
  | { kind: 'param'; fn: ts.SignatureDeclaration; index: number }
  /** The code of an error already built (a rethrow, the problem mapper reading `error.code`): counted where it was built. */
  | { kind: 'existing' }
  | { kind: 'unresolved'; why: string };

type StatusSpec = { kind: 'fixed'; statuses: number[] } | { kind: 'param'; index: number; from: StatusFrom };

interface Sink {
  decl: ts.SignatureDeclaration;
  codeParam: number;
  status: StatusSpec;
}

export function scanErrorCodes(options: ScanOptions): ScanResult {
  const root = resolve(options.root);
  const files = options.dirs.flatMap((dir) => listTs(join(root, dir))).filter((file) => !options.exclude(rel(root, file)));
  const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  const { options: compilerOptions } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...compilerOptions, noEmit: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const scanned = files.map((file) => program.getSourceFile(file)!);

  const sinks: Sink[] = options.sinks.map((base) => ({
    decl: findDeclaration(program, join(root, base.file), base.name),
    codeParam: base.codeParam,
    status: { kind: 'param', index: base.statusParam, from: base.statusFrom },
  }));
  const sinkClasses = sinks.map((sink) => sink.decl.parent).filter(ts.isClassDeclaration);

  const calls: Array<{ node: ts.CallExpression | ts.NewExpression; decl: ts.Declaration | undefined }> = [];
  for (const source of scanned) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push({ node, decl: checker.getResolvedSignature(node)?.declaration });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const uses: CodeUse[] = [];
  const unresolved: Unresolved[] = [];
  const forwarders: Forwarder[] = [];
  const done = new Set<string>();
  for (let index = 0; index < sinks.length; index += 1) {
    const sink = sinks[index]!;
    for (const call of calls) {
      if (call.decl !== sink.decl) continue;
      const key = `${call.node.pos}:${call.node.getSourceFile().fileName}:${index}`;
      if (done.has(key)) continue;
      done.add(key);
      const code = argumentValue(call.node, sink.decl, sink.codeParam);
      if (code.kind === 'existing') continue;
      const status = statusOf(call.node, sink);
      const at = where(call.node);
      if (code.kind === 'unresolved' || status.kind === 'unresolved') {
        const why = code.kind === 'unresolved' ? code.why : status.kind === 'unresolved' ? status.why : '';
        unresolved.push({ ...at, text: argumentText(call.node, sink.codeParam), why });
        continue;
      }
      if (code.kind === 'param') {
        const spec: StatusSpec | undefined =
          status.kind === 'statuses'
            ? { kind: 'fixed', statuses: status.statuses }
            : status.fn === code.fn
              ? { kind: 'param', index: status.index, from: status.from }
              : undefined;
        if (!spec) {
          unresolved.push({ ...at, text: argumentText(call.node, sink.codeParam), why: 'the status comes from another function than the code' });
          continue;
        }
        if (!sinks.some((s) => s.decl === code.fn && s.codeParam === code.index && JSON.stringify(s.status) === JSON.stringify(spec))) {
          sinks.push({ decl: code.fn, codeParam: code.index, status: spec });
          forwarders.push({
            name: nameOf(code.fn),
            file: rel(root, code.fn.getSourceFile().fileName),
            codeParam: code.index,
            statuses: spec.kind === 'fixed' ? spec.statuses : { param: spec.index },
          });
        }
        continue;
      }
      if (status.kind === 'param') {
        unresolved.push({ ...at, text: argumentText(call.node, sink.codeParam), why: 'the code is fixed but its status is a parameter' });
        continue;
      }
      for (const value of code.values) {
        if (typeof value !== 'string') {
          unresolved.push({ ...at, text: String(value), why: 'a code must be a string' });
          continue;
        }
        for (const s of status.statuses) uses.push({ code: value, status: s, ...at });
      }
    }
  }
  return { uses, unresolved, forwarders, files: files.length };

  function where(node: ts.Node): { file: string; line: number } {
    const source = node.getSourceFile();
    return { file: rel(root, source.fileName), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
  }

  function statusOf(
    call: ts.CallExpression | ts.NewExpression,
    sink: Sink,
  ):
    | { kind: 'statuses'; statuses: number[] }
    | { kind: 'param'; fn: ts.SignatureDeclaration; index: number; from: StatusFrom }
    | { kind: 'unresolved'; why: string } {
    if (sink.status.kind === 'fixed') return { kind: 'statuses', statuses: sink.status.statuses };
    const { from } = sink.status;
    const value = argumentValue(call, sink.decl, sink.status.index);
    if (value.kind === 'param') return { kind: 'param', fn: value.fn, index: value.index, from };
    if (value.kind !== 'literals') return { kind: 'unresolved', why: `status: ${value.kind === 'unresolved' ? value.why : 'read from an existing error'}` };
    const statuses: number[] = [];
    for (const v of value.values) {
      const status = from === 'number' ? (typeof v === 'number' ? v : undefined) : typeof v === 'string' ? options.kindStatus(v) : undefined;
      if (status === undefined) return { kind: 'unresolved', why: `no HTTP status for ${JSON.stringify(v)}` };
      statuses.push(status);
    }
    return { kind: 'statuses', statuses };
  }

  /** The value a call passes for a parameter; a missing argument takes the parameter's default. */
  function argumentValue(call: ts.CallExpression | ts.NewExpression, decl: ts.SignatureDeclaration, index: number): Value {
    const arg = call.arguments?.[index];
    if (arg) return valueOf(arg);
    const initializer = decl.parameters[index]?.initializer;
    return initializer ? valueOf(initializer) : { kind: 'unresolved', why: `no argument ${index}` };
  }

  function argumentText(call: ts.CallExpression | ts.NewExpression, index: number): string {
    return call.arguments?.[index]?.getText() ?? `(argument ${index} missing)`;
  }

  function valueOf(expr: ts.Expression): Value {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { kind: 'literals', values: [expr.text] };
    if (ts.isNumericLiteral(expr)) return { kind: 'literals', values: [Number(expr.text)] };
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr) || ts.isSatisfiesExpression(expr)) {
      return valueOf(expr.expression);
    }
    if (ts.isConditionalExpression(expr)) return union(valueOf(expr.whenTrue), valueOf(expr.whenFalse));
    if (ts.isIdentifier(expr)) return identifierValue(expr);
    if (ts.isPropertyAccessExpression(expr)) return propertyValue(expr);
    if (ts.isElementAccessExpression(expr)) return elementValue(expr);
    return { kind: 'unresolved', why: `${ts.SyntaxKind[expr.kind]} is not a literal` };
  }

  function identifierValue(expr: ts.Identifier): Value {
    const decl = declarationOf(expr);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) return valueOf(decl.initializer);
    if (decl && ts.isParameter(decl) && ts.isFunctionLike(decl.parent)) {
      return { kind: 'param', fn: decl.parent, index: decl.parent.parameters.indexOf(decl) };
    }
    return { kind: 'unresolved', why: `${expr.text} is neither a constant nor a parameter` };
  }

  function propertyValue(expr: ts.PropertyAccessExpression): Value {
    const decl = declarationOf(expr.name);
    if (!decl) return { kind: 'unresolved', why: `${expr.getText()} does not resolve` };
    // `error.code` of a DomainError or ProblemException: the code of an error already built.
    if (sinkClasses.some((cls) => isMemberOf(decl, cls))) return { kind: 'existing' };
    if ((ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) return valueOf(decl.initializer);
    if (ts.isPropertySignature(decl)) return assignmentsOf(decl);
    return { kind: 'unresolved', why: `${expr.getText()} is not a constant property` };
  }

  /** `CODES[field]` on a constant object literal: any of its values. */
  function elementValue(expr: ts.ElementAccessExpression): Value {
    const target = ts.isIdentifier(expr.expression) ? declarationOf(expr.expression) : undefined;
    let init = target && ts.isVariableDeclaration(target) ? target.initializer : undefined;
    while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
    if (!init || !ts.isObjectLiteralExpression(init)) return { kind: 'unresolved', why: `${expr.expression.getText()} is not a constant object literal` };
    return init.properties.reduce<Value>(
      (all, property) => union(all, ts.isPropertyAssignment(property) ? valueOf(property.initializer) : { kind: 'unresolved', why: 'not a plain property' }),
      { kind: 'literals', values: [] },
    );
  }

  /** An interface property read through a variable (`unit.invalidCode`): every object literal in the scanned files that sets it. */
  function assignmentsOf(signature: ts.PropertySignature): Value {
    const symbol = checker.getSymbolAtLocation(signature.name);
    const name = signature.name.getText();
    let value: Value = { kind: 'literals', values: [] };
    let found = false;
    for (const source of scanned) {
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && node.name.getText() === name && ts.isObjectLiteralExpression(node.parent)) {
          const contextual = checker.getContextualType(node.parent);
          if (contextual && contextual.getProperty(name) === symbol) {
            found = true;
            value = union(value, valueOf(node.initializer));
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    return found ? value : { kind: 'unresolved', why: `no object literal sets ${name}` };
  }

  function declarationOf(node: ts.Node): ts.Declaration | undefined {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }
}

function union(a: Value, b: Value): Value {
  if (a.kind === 'unresolved') return a;
  if (b.kind === 'unresolved') return b;
  if (a.kind === 'literals' && b.kind === 'literals') return { kind: 'literals', values: [...a.values, ...b.values] };
  if (a.kind === 'existing' && b.kind === 'existing') return a;
  return { kind: 'unresolved', why: 'mixes literals with parameters or existing codes' };
}

/** A member (property, or constructor parameter property) of the class. */
function isMemberOf(decl: ts.Declaration, cls: ts.Node): boolean {
  return decl.parent === cls || (ts.isParameter(decl) && ts.isConstructorDeclaration(decl.parent) && decl.parent.parent === cls);
}

/** The constructor of a class, or a function, declared at the top level of the file. */
function findDeclaration(program: ts.Program, file: string, name: string): ts.SignatureDeclaration {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name?.text === name) {
      const constructor = statement.members.find(ts.isConstructorDeclaration);
      if (constructor) return constructor;
    }
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
  }
  throw new Error(`no class with a constructor, nor function, named ${name} in ${file}`);
}

function nameOf(fn: ts.SignatureDeclaration): string {
  if (fn.name) return fn.name.getText();
  const parent = fn.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) && parent.name) {
    const owner =
      ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) && ts.isVariableDeclaration(parent.parent.parent)
        ? `${parent.parent.parent.name.getText()}.`
        : '';
    return owner + parent.name.getText();
  }
  return '(anonymous)';
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTs(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function rel(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}

package exporter

import (
	"errors"
	"fmt"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// shellCommand is one simple command of a script: its words, the line it
// starts on, and why it cannot be read as plain words, if it cannot.
type shellCommand struct {
	words   []string
	line    int
	problem error
}

// splitCommands parses a shell script (bash syntax, which covers POSIX sh)
// with a real shell parser (mvdan.cc/sh) and returns its simple commands,
// in order, with their words as the shell would pass them: quotes and
// escapes removed, $'…' decoded, line continuations joined. Nothing is run
// or expanded: $NAME and ${NAME} become ${NAME} references, the form the
// request model keeps; command substitution, arithmetic, process
// substitution, other ${…} expansions, redirections and a leading ~ make
// their command unreadable (its problem) rather than guessed at; * ? [
// stay literal, as the shell leaves a pattern that matches no file. A
// heredoc's body is data, never a command. A script the parser rejects
// (an unterminated quote) fails as a whole.
func splitCommands(script string) ([]shellCommand, error) {
	script, cr := protectCR(script)
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash), syntax.KeepComments(false)).
		Parse(strings.NewReader(script), "")
	if err != nil {
		return nil, parseError(err)
	}
	w := &walker{src: script, cr: cr}
	syntax.Walk(f, w.visit)
	return w.cmds, nil
}

// protectCR keeps the carriage returns of CRLF pairs from the parser,
// which turns every CRLF into LF, inside quotes too, where a value that
// holds one must read back as written. Each such CR becomes a byte the
// script does not contain, which fields turns back into a CR inside
// quotes and drops outside them (there a CRLF line end is a blank). A
// backslash before a CRLF outside quotes still continues the line: the
// quoted regions are found with a first parse, and those backslash-CRLFs
// become backslash-LFs for the second.
func protectCR(script string) (string, byte) {
	if !strings.Contains(script, "\r\n") {
		return script, 0
	}
	var cr byte
	for b := byte(1); b < 0x20; b++ {
		if b != '\t' && b != '\n' && b != '\r' && strings.IndexByte(script, b) < 0 {
			cr = b
			break
		}
	}
	if cr == 0 {
		return script, 0 // every control byte is used: CRs in quotes are lost
	}
	marked := strings.ReplaceAll(script, "\r\n", string(cr)+"\n")
	quoted := quotedRanges(marked)
	var b strings.Builder
	for i := 0; i < len(marked); i++ {
		if marked[i] == '\\' && i+2 < len(marked) && marked[i+1] == cr && marked[i+2] == '\n' && !inRanges(quoted, i) {
			b.WriteString("\\\n")
			i += 2
			continue
		}
		b.WriteByte(marked[i])
	}
	return b.String(), cr
}

// quotedRanges are the byte ranges of the quoted strings of a script, by
// a parse; none when it does not parse.
func quotedRanges(script string) [][2]uint {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(script), "")
	if err != nil {
		return nil
	}
	var out [][2]uint
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n.(type) {
		case *syntax.SglQuoted, *syntax.DblQuoted:
			out = append(out, [2]uint{n.Pos().Offset(), n.End().Offset()})
		}
		return true
	})
	return out
}

func inRanges(rs [][2]uint, i int) bool {
	for _, r := range rs {
		if uint(i) >= r[0] && uint(i) < r[1] {
			return true
		}
	}
	return false
}

// parseError says what the parser rejected, with its line.
func parseError(err error) error {
	var pe syntax.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	msg := pe.Text
	switch {
	case strings.Contains(msg, "closing quote `'`"):
		msg = i18n.Text("unterminated single quote")
	case strings.Contains(msg, "closing quote `\"`"):
		msg = i18n.Text("unterminated double quote")
	}
	return i18n.Errorf("line %d: %s", pe.Pos.Line(), msg)
}

// splitWords splits a single command line into words.
func splitWords(line string) ([]string, error) {
	cmds, err := splitCommands(line)
	switch {
	case err != nil:
		return nil, err
	case len(cmds) == 0:
		return nil, nil
	case len(cmds) > 1:
		return nil, i18n.Errorf("found %d commands (line %d starts another): give one", len(cmds), cmds[1].line)
	case cmds[0].problem != nil:
		return nil, cmds[0].problem
	}
	return cmds[0].words, nil
}

// walker collects the commands of a parsed script.
type walker struct {
	src        string
	cr         byte // protectCR's stand-in for CR, 0 when none
	cmds       []shellCommand
	redirected map[syntax.Command]*syntax.Redirect
}

// visit records every simple command (and declaration, such as export)
// wherever it stands: in a pipeline, a list, a function body, a command
// substitution. A redirection's target and a heredoc's body are data, not
// commands: they are not entered.
func (w *walker) visit(n syntax.Node) bool {
	switch n := n.(type) {
	case *syntax.Stmt:
		if len(n.Redirs) > 0 && n.Cmd != nil {
			if w.redirected == nil {
				w.redirected = map[syntax.Command]*syntax.Redirect{}
			}
			w.redirected[n.Cmd] = n.Redirs[0]
		}
	case *syntax.Redirect, *syntax.CmdSubst, *syntax.ProcSubst:
		// A redirection's target, a heredoc's body and a substitution's
		// commands are not the script's commands (a substitution makes
		// its command unreadable instead).
		return false
	case *syntax.CallExpr:
		if c := w.call(n); len(c.words) > 0 || c.problem != nil {
			w.cmds = append(w.cmds, c)
		}
		return false // its words are read (and brace-split) above
	case *syntax.DeclClause:
		c := shellCommand{words: []string{n.Variant.Value}, line: int(n.Pos().Line())}
		w.checkRedirect(n, &c)
		w.cmds = append(w.cmds, c)
		return false
	}
	return true
}

// call turns a simple command into its words: leading assignments as
// NAME=value words, then the arguments.
func (w *walker) call(n *syntax.CallExpr) shellCommand {
	c := shellCommand{line: int(n.Pos().Line())}
	for _, a := range n.Assigns {
		if a.Name == nil {
			continue
		}
		value := ""
		if a.Value != nil {
			value = w.word(a.Value, &c)
		}
		c.words = append(c.words, a.Name.Value+"="+value)
	}
	for _, arg := range n.Args {
		c.words = append(c.words, w.fields(arg, &c)...)
	}
	w.checkRedirect(n, &c)
	return c
}

// restoreCR drops protectCR's stand-in from a word's unquoted text (a
// CRLF line end, a blank) and returns a function that turns the quoted
// ones back into CRs in the fields.
func (w *walker) restoreCR(word *syntax.Word) func(string) string {
	if w.cr == 0 {
		return func(s string) string { return s }
	}
	for _, p := range word.Parts {
		if l, ok := p.(*syntax.Lit); ok {
			l.Value = strings.ReplaceAll(l.Value, string(w.cr), "")
		}
	}
	return func(s string) string { return strings.ReplaceAll(s, string(w.cr), "\r") }
}

func (w *walker) checkRedirect(n syntax.Command, c *shellCommand) {
	if r, ok := w.redirected[n]; ok {
		c.fail(int(r.OpPos.Line()), i18n.T("the command uses a redirection (%s), which this importer does not run", r.Op.String()))
	}
}

// fail records why the command cannot be read (a sentence in the current
// language); the first reason is kept.
func (c *shellCommand) fail(line int, why string) {
	if c.problem == nil {
		c.problem = i18n.Errorf("line %d: %s", line, why)
	}
}

// fields are the arguments one word becomes, as the shell would pass them
// (quote removal, $'…', brace expansion; no globbing), with ${NAME}
// references kept. A word that cannot be read without running something
// records the command's problem and stands as its source text.
func (w *walker) fields(word *syntax.Word, c *shellCommand) []string {
	if why, line := unreadable(word.Parts, true); why != "" {
		c.fail(line, why)
		return []string{w.source(word)}
	}
	back := w.restoreCR(word)
	syntax.SplitBraces(word)
	var fs []string
	for bw, err := range expand.BracesSeq(referenceConfig, word) {
		var more []string
		if err == nil {
			more, err = expand.Fields(referenceConfig, bw)
		}
		if err != nil {
			c.fail(int(word.Pos().Line()), i18n.T("the command cannot be read: %v", err))
			return []string{w.source(word)}
		}
		fs = append(fs, more...)
	}
	for i := range fs {
		fs[i] = back(fs[i])
	}
	return fs
}

// word is an assignment's value, as one string.
func (w *walker) word(word *syntax.Word, c *shellCommand) string {
	fs := w.fields(word, c)
	return strings.Join(fs, " ")
}

func (w *walker) source(word *syntax.Word) string {
	s := w.src[word.Pos().Offset():word.End().Offset()]
	if w.cr != 0 {
		s = strings.ReplaceAll(s, string(w.cr), "\r")
	}
	return s
}

// referenceConfig expands $NAME and ${NAME} to the reference "${NAME}"
// itself: nothing is read from the environment. IFS stays unset (the
// default blank, tab and newline): the expander reads it to split fields.
var referenceConfig = &expand.Config{Env: expand.FuncEnviron(func(name string) string {
	if name == "IFS" {
		return ""
	}
	return "${" + name + "}"
})}

// unreadable says why word parts cannot be read as text without running
// or evaluating something, with the line; "" when they can. first is set
// for a word's first part, where ~ expands.
func unreadable(parts []syntax.WordPart, first bool) (string, int) {
	for i, p := range parts {
		line := int(p.Pos().Line())
		switch p := p.(type) {
		case *syntax.Lit:
			if first && i == 0 && strings.HasPrefix(p.Value, "~") {
				return i18n.Text("the command starts a word with ~, which the shell expands to a home directory: quote the value"), line
			}
		case *syntax.DblQuoted:
			if why, l := unreadable(p.Parts, false); why != "" {
				return why, l
			}
		case *syntax.CmdSubst:
			if p.Backquotes {
				return i18n.Text("the command uses command substitution (`…`), which this importer does not run"), line
			}
			return i18n.Text("the command uses command substitution ($(…)), which this importer does not run"), line
		case *syntax.ArithmExp:
			return i18n.Text("the command uses arithmetic expansion ($((…))), which this importer does not evaluate"), line
		case *syntax.ProcSubst:
			return i18n.Text("the command uses process substitution (<(…) or >(…)), which this importer does not run"), line
		case *syntax.ExtGlob:
			return i18n.Text("the command uses an extended glob pattern, which this importer does not expand"), line
		case *syntax.ParamExp:
			if !plainReference(p) {
				return i18n.Text("the command uses a shell expansion that is not a plain ${NAME} reference"), line
			}
		case *syntax.SglQuoted:
		default:
			return i18n.T("the command uses a shell construct (%s) this importer does not read", fmt.Sprintf("%T", p)), line
		}
	}
	return "", 0
}

// plainReference reports whether p is $NAME or ${NAME} and nothing more,
// NAME an environment variable name (not $1, $@, $?, nor $IFS, which
// referenceConfig keeps for field splitting).
func plainReference(p *syntax.ParamExp) bool {
	return p.Param != nil && isEnvName(p.Param.Value) && p.Param.Value != "IFS" && p.Flags == nil && !p.Excl && !p.Length && !p.Width &&
		!p.IsSet && p.Split == syntax.OptUnset && p.GlobSubst == syntax.OptUnset && p.RcExpand == syntax.OptUnset &&
		p.NestedParam == nil && p.Index == nil && len(p.Modifiers) == 0 && p.Slice == nil && p.Repl == nil &&
		p.Names == 0 && p.Exp == nil
}

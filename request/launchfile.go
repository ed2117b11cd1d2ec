package request

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/agext/levenshtein"
	"gopkg.in/yaml.v3"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// FileVersion is the launch file format this program reads and writes.
const FileVersion = 1

// File is a launch file: the reusable, reviewable template teams keep in git.
type File struct {
	// Version is the format version (1).
	Version int
	// Description is free text shown when the file is opened.
	Description string
	// Ask lists the API parameters the wizard asks for when the file is
	// opened ("InstanceName", "Amount", "Tag"); everything else stays.
	Ask []string
	// Request is the RunInstances request.
	Request *Request
	// Lines maps each flat parameter to its line in the source, where known.
	Lines map[string]int

	// Raw is the text the file was parsed from (PatchFile edits it).
	Raw []byte

	values int // YAML values parsed so far (maxFileValues)
}

// FileError is a problem in a launch file, with its line.
type FileError struct {
	Line int
	Msg  string
}

// Error says the line and the problem.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return i18n.T("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

var topKeys = []string{"version", "description", "ask", "request"}

// ParseFile reads a launch file. Unknown keys are errors that name the key,
// its line and the closest valid name.
func ParseFile(data []byte) (*File, error) {
	if len(data) > MaxFileSize {
		return nil, &FileError{Msg: i18n.T("the launch file is %d bytes; a launch file may be at most %d bytes (1 MiB)", len(data), MaxFileSize)}
	}
	doc, err := oneDocument(data)
	if err != nil {
		return nil, err
	}
	f := &File{Request: New(), Lines: map[string]int{}, Raw: data}
	if len(doc.Content) == 0 {
		return nil, &FileError{Msg: i18n.Text("empty launch file: it needs at least `version: 1` and `request:`")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &FileError{Line: root.Line, Msg: i18n.Text("a launch file is a mapping with version, description, ask and request")}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, &FileError{Line: k.Line, Msg: i18n.T("duplicate key %q", k.Value)}
		}
		seen[k.Value] = true
		if err := f.parseTop(k, v); err != nil {
			return nil, err
		}
	}
	if !seen["version"] {
		return nil, &FileError{Line: root.Line, Msg: i18n.Text("missing `version: 1`")}
	}
	if !seen["request"] {
		return nil, &FileError{Line: root.Line, Msg: i18n.Text("missing `request:` (the RunInstances parameters)")}
	}
	return f, f.checkAsk()
}

// MaxFileSize bounds a launch file, checked before it is parsed. The
// largest real request (1,000 HostNames.N, UserData at its 32 KB) is a few
// hundred kilobytes; a bigger file is a mistake or an attack on the parser.
const MaxFileSize = 1 << 20

// oneDocument parses the file's YAML and refuses a second document: a
// request after `---` would otherwise be ignored without a word. An empty
// document after a trailing `---` carries nothing and is let through.
func oneDocument(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(err)
	}
	var next yaml.Node
	err := dec.Decode(&next)
	switch {
	case errors.Is(err, io.EOF):
		return &doc, nil
	case err != nil:
		return nil, yamlError(err)
	case len(next.Content) == 0 || next.Content[0].Tag == "!!null" && next.Content[0].Value == "":
		return &doc, nil
	}
	return nil, &FileError{Line: next.Content[0].Line,
		Msg: i18n.Text("a second YAML document (after ---): a launch file holds exactly one request; put the other in its own file")}
}

func yamlError(err error) error {
	return &FileError{Msg: i18n.T("not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
}

func (f *File) parseTop(k, v *yaml.Node) error {
	switch k.Value {
	case "version":
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil || n != FileVersion {
			return &FileError{Line: v.Line, Msg: i18n.T("version: this program reads version %d, found %q", FileVersion, v.Value)}
		}
		f.Version = n
	case "description":
		if v.Kind != yaml.ScalarNode {
			return &FileError{Line: v.Line, Msg: i18n.Text("description: must be text")}
		}
		f.Description = v.Value
	case "ask":
		return f.parseAsk(v)
	case "request":
		if v.Kind != yaml.MappingNode {
			return &FileError{Line: v.Line, Msg: i18n.Text("request: must be a mapping of RunInstances parameters")}
		}
		return f.parseMap(v, "", "")
	default:
		return &FileError{Line: k.Line, Msg: topLevelMsg(k.Value)}
	}
	return nil
}

// topLevelMsg explains an unknown top-level key. A RunInstances parameter
// there ("RegionId") is a file whose parameters are not indented under
// request:, which "did you mean version?" would only confuse.
func topLevelMsg(key string) string {
	if IsPrefix(key) {
		return i18n.T("%s is a RunInstances parameter: parameters go under request: (indent it below a `request:` line)", key)
	}
	if s := suggestFrom(key, topKeys); s != "" {
		return unknownMsg(key, s)
	}
	if s := SuggestName(key); s != "" {
		return i18n.T("unknown key %q: if it is the parameter %s, it goes under request:", key, s)
	}
	return unknownMsg(key, "")
}

func (f *File) parseAsk(v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return &FileError{Line: v.Line, Msg: i18n.Text("ask: must be a list of parameter names, e.g. [InstanceName, Amount, Tag]")}
	}
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode {
			return &FileError{Line: n.Line, Msg: i18n.Text("ask: each entry is a parameter name")}
		}
		if !IsPrefix(PatternOf(n.Value)) {
			return &FileError{Line: n.Line, Msg: i18n.T("ask: %s", unknownMsg(n.Value, SuggestName(n.Value)))}
		}
		f.Ask = append(f.Ask, n.Value)
	}
	return nil
}

func (f *File) checkAsk() error { return nil }

// parseMap walks a mapping under prefix (a pattern such as "DataDisk.N") at
// flat key base ("DataDisk.2"). YAML merge keys (<<: *anchor) add the
// entries of the merged mappings that the mapping does not set itself.
func (f *File) parseMap(m *yaml.Node, prefix, base string) error {
	own := map[string]bool{}
	var merged []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if isMergeKey(k) {
			merged = append(merged, v)
			continue
		}
		own[k.Value] = true
		if err := f.parseEntry(k, v, prefix, base); err != nil {
			return err
		}
	}
	for _, v := range merged {
		if err := f.parseMerge(v, own, prefix, base); err != nil {
			return err
		}
	}
	return nil
}

// isMergeKey reports whether k is YAML's merge key "<<" (not a quoted "<<").
func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "!!merge" || k.Style == 0)
}

// parseMerge applies a merge key's value: a mapping, an alias of one, or a
// list of them, earlier ones first; keys already set are kept, as YAML's
// merge says.
func (f *File) parseMerge(v *yaml.Node, own map[string]bool, prefix, base string) error {
	if err := f.spend(v); err != nil {
		return err
	}
	switch {
	case v.Kind == yaml.AliasNode:
		return f.parseMerge(v.Alias, own, prefix, base)
	case v.Kind == yaml.SequenceNode:
		for _, item := range v.Content {
			if err := f.parseMerge(item, own, prefix, base); err != nil {
				return err
			}
		}
		return nil
	case v.Kind != yaml.MappingNode:
		return &FileError{Line: v.Line, Msg: i18n.Text("<<: merges a mapping (<<: *anchor), or a list of them")}
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if isMergeKey(k) {
			if err := f.parseMerge(val, own, prefix, base); err != nil {
				return err
			}
			continue
		}
		if own[k.Value] {
			continue
		}
		own[k.Value] = true
		if err := f.parseEntry(k, val, prefix, base); err != nil {
			return err
		}
	}
	return nil
}

// maxFileValues bounds the YAML values a launch file may expand to. The
// largest real request has a few thousand parameters (HostNames.N up to
// 1000, Tag.N up to 71, …); aliases could otherwise make a few kilobytes
// name millions.
const maxFileValues = 1 << 16

// spend counts one YAML value against maxFileValues.
func (f *File) spend(v *yaml.Node) error {
	f.values++
	if f.values > maxFileValues {
		return &FileError{Line: v.Line, Msg: i18n.T("the file expands to too many values (more than %d; aliases?)", maxFileValues)}
	}
	return nil
}

// parseEntry handles one key, which may be dotted: "SystemDisk.Size", or a
// flat API name with its list indexes, "DataDisk.2.Size".
func (f *File) parseEntry(k, v *yaml.Node, prefix, base string) error {
	pat, key := prefix, base
	for _, seg := range strings.Split(k.Value, ".") {
		child := seg
		if isIndex(seg) {
			child = "N"
		}
		if !hasChild(pat, child) {
			name := join(key, seg)
			return &FileError{Line: k.Line, Msg: unknownMsg(name, suggestKey(pat, key, seg))}
		}
		pat, key = join(pat, child), join(key, seg)
	}
	if f.Request.Has(key) || f.Lines[key] != 0 {
		return &FileError{Line: k.Line, Msg: i18n.T("%s is given twice", key)}
	}
	return f.parseValue(v, pat, key)
}

func (f *File) parseValue(v *yaml.Node, pat, key string) error {
	if err := f.spend(v); err != nil {
		return err
	}
	switch v.Kind {
	case yaml.MappingNode:
		if _, leaf := byPattern[pat]; leaf {
			return &FileError{Line: v.Line, Msg: i18n.T("%s takes a single value, not a mapping", key)}
		}
		return f.parseMap(v, pat, key)
	case yaml.SequenceNode:
		if !hasChild(pat, "N") {
			return &FileError{Line: v.Line, Msg: i18n.T("%s is not a list parameter", key)}
		}
		n := 0
		for _, item := range v.Content {
			if item.Kind == yaml.ScalarNode && item.Tag == "!!null" {
				continue // an empty item: numbering the next one after it would leave a gap the API never sees filled
			}
			n++
			if err := f.parseValue(item, pat+".N", fmt.Sprintf("%s.%d", key, n)); err != nil {
				return err
			}
		}
		return nil
	case yaml.ScalarNode:
		return f.parseScalar(v, pat, key)
	case yaml.AliasNode:
		return f.parseValue(v.Alias, pat, key)
	}
	return &FileError{Line: v.Line, Msg: i18n.T("%s: unsupported value", key)}
}

func (f *File) parseScalar(v *yaml.Node, pat, key string) error {
	if v.Tag == "!!null" {
		return nil // an empty value is not sent, as the SDK never sends empty strings
	}
	if _, leaf := byPattern[pat]; !leaf {
		msg := i18n.T("%s takes a mapping, not a single value", key)
		if hasChild(pat, "N") {
			msg = i18n.T("%s takes a list, not a single value", key)
		}
		return &FileError{Line: v.Line, Msg: msg}
	}
	f.Lines[key] = v.Line
	if err := f.Request.Set(key, v.Value); err != nil {
		return &FileError{Line: v.Line, Msg: err.Error()}
	}
	return nil
}

func hasChild(prefix, seg string) bool {
	for _, c := range Children(prefix) {
		if c == seg {
			return true
		}
	}
	return false
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func unknownMsg(name, suggestion string) string {
	if suggestion != "" {
		return i18n.T("unknown key %q: did you mean %s?", name, suggestion)
	}
	return i18n.T("unknown key %q", name)
}

// suggestKey proposes the closest name for a bad segment: first among the
// siblings, then among all parameter names.
func suggestKey(prefix, base, seg string) string {
	if s := SuggestChild(prefix, seg); s != "" {
		return join(base, s)
	}
	return SuggestName(join(base, seg))
}

func suggestFrom(name string, opts []string) string {
	best, bestD := "", 1<<30
	for _, o := range opts {
		if d := levenshtein.Distance(strings.ToLower(name), o, nil); d < bestD {
			best, bestD = o, d
		}
	}
	if bestD > len(name)/2+2 {
		return ""
	}
	return best
}

// Marshal writes the launch file. Secrets are written only as environment
// references: a literal password is replaced by ${ECS_PASSWORD}, and the
// names of the parameters so replaced are returned for a warning.
func (f *File) Marshal() ([]byte, []string, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	addScalar(root, "version", strconv.Itoa(FileVersion), "!!int")
	if f.Description != "" {
		addScalar(root, "description", f.Description, "!!str")
	}
	if len(f.Ask) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, a := range f.Ask {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: a, Tag: "!!str"})
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "ask"}, seq)
	}
	req, replaced := f.Request.WithSecretReferences()
	body := &yaml.Node{Kind: yaml.MappingNode}
	req.Compact()
	for _, p := range req.Params() {
		insert(body, strings.Split(p.Name, "."), p.Value, byPattern[PatternOf(p.Name)].Type)
	}
	root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "request"}, body)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), replaced, nil
}

// SecretReference is the environment reference a literal secret is written as.
func SecretReference(key string) string {
	return "${ECS_" + strings.ToUpper(strings.ReplaceAll(PatternOf(key), ".", "_")) + "}"
}

// WithSecretReferences returns a copy in which every literal secret is
// replaced by its environment reference, and the names so replaced.
func (r *Request) WithSecretReferences() (*Request, []string) {
	c := r.Clone()
	var replaced []string
	for _, k := range c.Keys() {
		if IsSecret(k) && !IsReference(c.m[k]) {
			c.m[k] = SecretReference(k)
			replaced = append(replaced, k)
		}
	}
	return c, replaced
}

// insert places a flat key's value in the YAML tree: name segments become
// mapping keys, numeric segments list items.
func insert(m *yaml.Node, segs []string, value string, t Type) {
	name := segs[0]
	rest := segs[1:]
	if len(rest) == 0 {
		addScalar(m, name, value, yamlTag(value, t))
		return
	}
	child := lookupChild(m, name)
	if isIndex(rest[0]) {
		if child == nil {
			child = &yaml.Node{Kind: yaml.SequenceNode}
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, child)
		}
		n, _ := strconv.Atoi(rest[0])
		for len(child.Content) < n {
			kind := yaml.MappingNode
			if len(rest) == 1 {
				kind = yaml.ScalarNode
			}
			child.Content = append(child.Content, &yaml.Node{Kind: kind})
		}
		item := child.Content[n-1]
		if len(rest) == 1 {
			*item = *scalar(value, yamlTag(value, t))
			return
		}
		item.Style = yaml.FlowStyle
		insert(item, rest[1:], value, t)
		return
	}
	if child == nil {
		child = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, child)
	}
	insert(child, rest, value, t)
}

func lookupChild(m *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i+1]
		}
	}
	return nil
}

func addScalar(m *yaml.Node, key, value, tag string) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, scalar(value, tag))
}

// scalar makes a value node. Text of several lines is written as a
// literal block (|-), as people write descriptions, when that reads back
// exactly; other values with line breaks or control characters are
// double-quoted: yaml.v3's block scalars lose leading and trailing line
// breaks, and a tab before a break does not parse back.
func scalar(value, tag string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Tag: tag}
	if strings.IndexFunc(value, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0 {
		n.Style = yaml.DoubleQuotedStyle
		if strings.Contains(value, "\n") && literalReadsBack(value) {
			n.Style = yaml.LiteralStyle
		}
	}
	return n
}

// literalReadsBack reports whether value, written as a literal block,
// parses back to itself: only line breaks among the control characters,
// and a shape yaml.v3 keeps (checked by writing and reading it).
func literalReadsBack(value string) bool {
	if strings.IndexFunc(value, func(r rune) bool { return r != '\n' && (r < ' ' || r == 0x7f) }) >= 0 {
		return false
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "k"}, {Kind: yaml.ScalarNode, Value: value, Tag: "!!str", Style: yaml.LiteralStyle}}}
	out, err := yaml.Marshal(doc)
	if err != nil {
		return false
	}
	var back map[string]string
	return yaml.Unmarshal(out, &back) == nil && back["k"] == value
}

// yamlTag writes a value with its documented type when it is one (40, true),
// and as a string otherwise, so that a bad value survives to be reported.
func yamlTag(v string, t Type) string {
	switch t {
	case Integer:
		if _, err := strconv.ParseInt(v, 10, 64); err == nil && (v == "0" || !strings.HasPrefix(v, "0")) && !strings.HasPrefix(v, "+") {
			return "!!int"
		}
	case Boolean:
		if v == "true" || v == "false" {
			return "!!bool"
		}
	case Float:
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eExXpP_+") && !strings.HasPrefix(v, ".") {
			return "!!float"
		}
	}
	return "!!str"
}

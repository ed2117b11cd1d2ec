package request

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// ErrNotPatchable is returned by PatchFile for a file whose request uses
// YAML anchors or merge keys: a change there could change other values
// too, so the caller writes the file anew instead.
var ErrNotPatchable error = notPatchable{}

// notPatchable is ErrNotPatchable, whose text is read in the language
// current when it is shown.
type notPatchable struct{}

// Error says why the file cannot be patched.
func (notPatchable) Error() string {
	return i18n.Text("the launch file's request uses YAML anchors or merge keys")
}

// PatchFile returns orig, a launch file, changed so that its request is
// want, and nothing else changed: its description, ask: list, comments,
// key order and the style of every untouched value stay as they were.
// Literal secrets in want are written as their ${NAME} references, as
// Marshal writes them. The result is checked by parsing it back.
func PatchFile(orig []byte, want *Request) ([]byte, error) {
	old, err := ParseFile(orig)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(orig, &doc); err != nil {
		return nil, err
	}
	body := lookupChild(doc.Content[0], "request")
	if body == nil || body.Kind != yaml.MappingNode || usesAliases(body) {
		return nil, ErrNotPatchable
	}
	safe, _ := want.WithSecretReferences()
	safe.Compact()
	oldReq := old.Request.Clone()
	oldReq.Compact()
	for _, k := range oldReq.Keys() {
		if !safe.Has(k) {
			remove(body, strings.Split(k, "."))
		}
	}
	for _, p := range safe.Params() {
		if v, ok := oldReq.m[p.Name]; ok && v == p.Value {
			continue
		}
		set(body, strings.Split(p.Name, "."), p.Value, byPattern[PatternOf(p.Name)].Type)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	back, err := ParseFile(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", i18n.Text("the patched launch file does not parse"), err)
	}
	got := back.Request.Clone()
	got.Compact()
	if !got.Equal(safe) {
		return nil, ErrNotPatchable
	}
	return buf.Bytes(), nil
}

func usesAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" || isMergeKey(n) {
		return true
	}
	for _, c := range n.Content {
		if usesAliases(c) {
			return true
		}
	}
	return false
}

// set writes one flat parameter into the request's node tree, keeping an
// existing value node's comments and creating what is missing.
func set(m *yaml.Node, segs []string, value string, t Type) {
	child := lookupChild(m, segs[0])
	if child == nil || len(segs) == 1 {
		if child != nil && child.Kind == yaml.ScalarNode {
			keepStyle := child.Style &^ (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
			fresh := scalar(value, yamlTag(value, t))
			child.Value, child.Tag, child.Style = fresh.Value, fresh.Tag, fresh.Style|keepStyle
			if fresh.Tag == "!!str" && child.Style == 0 && needsQuotes(value) {
				child.Style = yaml.DoubleQuotedStyle
			}
			return
		}
		if child != nil { // a list or map replaced by a scalar: write it anew
			removeKey(m, segs[0])
		}
		insert(m, segs, value, t)
		return
	}
	if isIndex(segs[1]) {
		n, _ := strconv.Atoi(segs[1])
		if child.Kind != yaml.SequenceNode || n > len(child.Content)+1 {
			insert(m, segs, value, t)
			return
		}
		if n == len(child.Content)+1 {
			kind := yaml.MappingNode
			if len(segs) == 2 {
				kind = yaml.ScalarNode
			}
			item := &yaml.Node{Kind: kind}
			if kind == yaml.MappingNode && len(child.Content) > 0 {
				item.Style = child.Content[0].Style // new items look like their siblings
			}
			child.Content = append(child.Content, item)
		}
		item := child.Content[n-1]
		if len(segs) == 2 {
			fresh := scalar(value, yamlTag(value, t))
			item.Kind, item.Value, item.Tag = yaml.ScalarNode, fresh.Value, fresh.Tag
			return
		}
		set(item, segs[2:], value, t)
		return
	}
	if child.Kind != yaml.MappingNode {
		removeKey(m, segs[0])
		insert(m, segs, value, t)
		return
	}
	set(child, segs[1:], value, t)
}

// needsQuotes reports whether a plain scalar would read back as another
// type or not at all (yes, 0x1F, "a: b").
func needsQuotes(v string) bool {
	var probe any
	if err := yaml.Unmarshal([]byte("k: "+v), &probe); err != nil {
		return true
	}
	m, ok := probe.(map[string]any)
	s, isStr := m["k"].(string)
	return !ok || !isStr || s != v
}

// remove deletes one flat parameter; a map or a list item left empty goes
// too, and a list shrinks only from its end (renumbered items were set).
func remove(m *yaml.Node, segs []string) {
	child := lookupChild(m, segs[0])
	if child == nil {
		return
	}
	if len(segs) == 1 {
		removeKey(m, segs[0])
		return
	}
	if isIndex(segs[1]) && child.Kind == yaml.SequenceNode {
		n, _ := strconv.Atoi(segs[1])
		if n < 1 || n > len(child.Content) {
			return
		}
		item := child.Content[n-1]
		if len(segs) > 2 && item.Kind == yaml.MappingNode {
			remove(item, segs[2:])
		} else {
			item.Kind, item.Content = yaml.MappingNode, nil
		}
		for len(child.Content) > 0 && empty(child.Content[len(child.Content)-1]) {
			child.Content = child.Content[:len(child.Content)-1]
		}
		if len(child.Content) == 0 {
			removeKey(m, segs[0])
		}
		return
	}
	if child.Kind == yaml.MappingNode {
		remove(child, segs[1:])
		if len(child.Content) == 0 {
			removeKey(m, segs[0])
		}
	}
}

func empty(n *yaml.Node) bool { return n.Kind == yaml.MappingNode && len(n.Content) == 0 }

func removeKey(m *yaml.Node, name string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

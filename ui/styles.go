package ui

import "github.com/charmbracelet/lipgloss"

// palette adapts to light and dark terminals; lipgloss drops colours by
// itself under NO_COLOR or a dumb terminal.
var palette = struct {
	Accent, Muted, Dim, Error, Warn, OK, Sandbox, Border, SelBg lipgloss.AdaptiveColor
}{
	Accent:  lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#B4A2FF"},
	Muted:   lipgloss.AdaptiveColor{Light: "#555555", Dark: "#A8A8A8"},
	Dim:     lipgloss.AdaptiveColor{Light: "#9A9A9A", Dark: "#5F5F5F"},
	Error:   lipgloss.AdaptiveColor{Light: "#C0271D", Dark: "#FF6B61"},
	Warn:    lipgloss.AdaptiveColor{Light: "#A65F00", Dark: "#F5B94A"},
	OK:      lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#6BD68A"},
	Sandbox: lipgloss.AdaptiveColor{Light: "#A65F00", Dark: "#F5B94A"},
	Border:  lipgloss.AdaptiveColor{Light: "#C8C8C8", Dark: "#444444"},
	SelBg:   lipgloss.AdaptiveColor{Light: "#E4DEFF", Dark: "#3B3260"},
}

// Styles is every style the views use, built once.
type Styles struct {
	Title, StepOn, StepOff, StepDone, StepFlag lipgloss.Style
	Sandbox                                    lipgloss.Style
	Label, LabelFocused, Value, Doc, Muted     lipgloss.Style
	Error, Warn, OK                            lipgloss.Style
	Banner, Panel, PanelTitle                  lipgloss.Style
	Row, RowSelected, RowDim, Header           lipgloss.Style
	Key, Help                                  lipgloss.Style
}

// NewStyles builds the styles.
func NewStyles() Styles {
	s := lipgloss.NewStyle
	return Styles{
		Title:        s().Bold(true).Foreground(palette.Accent),
		StepOn:       s().Bold(true).Foreground(palette.Accent),
		StepOff:      s().Foreground(palette.Dim),
		StepDone:     s().Foreground(palette.Muted),
		StepFlag:     s().Foreground(palette.Error),
		Sandbox:      s().Bold(true).Foreground(palette.Sandbox),
		Label:        s().Foreground(palette.Muted),
		LabelFocused: s().Bold(true).Foreground(palette.Accent),
		Value:        s(),
		Doc:          s().Foreground(palette.Muted).Italic(true),
		Muted:        s().Foreground(palette.Muted),
		Error:        s().Foreground(palette.Error),
		Warn:         s().Foreground(palette.Warn),
		OK:           s().Foreground(palette.OK),
		Banner:       s().Foreground(palette.Error).Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(palette.Error).PaddingLeft(1),
		Panel:        s().Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(palette.Border).PaddingLeft(1),
		PanelTitle:   s().Bold(true),
		Row:          s(),
		RowSelected:  s().Bold(true).Background(palette.SelBg),
		RowDim:       s().Foreground(palette.Dim),
		Header:       s().Bold(true).Foreground(palette.Muted),
		Key:          s().Bold(true),
		Help:         s().Foreground(palette.Muted),
	}
}

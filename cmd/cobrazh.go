package cmd

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// localizeCobra gives what cobra itself writes the current language: the
// usage template's headings, every command's -h flag, and the help and
// completion commands it adds. English keeps cobra's own texts as they
// are; the keys here are those texts, for the Chinese table.
func localizeCobra(root *cobra.Command) {
	if !i18n.IsChinese() {
		return
	}
	cobra.AddTemplateFunc("localDefaults", localDefaults)
	root.SetUsageTemplate(usageTemplate())
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = i18n.Text("Help about any command")
			c.Long = i18n.T("Help provides help for any command in the application.\n"+
				"Simply type %s help [path to command] for full details.", root.DisplayName())
		case "completion":
			localizeCompletion(c, root.Name())
		}
	}
	helpFlags(root)
}

// helpFlags defines each command's -h, --help before cobra would, with
// its usage translated (cobra adds "help for NAME" when there is none).
func helpFlags(c *cobra.Command) {
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, i18n.T("help for %s", c.Name()))
		_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
	}
	for _, sub := range c.Commands() {
		helpFlags(sub)
	}
}

// localizeCompletion translates the completion command and its shells.
func localizeCompletion(c *cobra.Command, name string) {
	c.Short = i18n.Text("Generate the autocompletion script for the specified shell")
	c.Long = i18n.T("Generate the autocompletion script for %[1]s for the specified shell.\n"+
		"See each sub-command's help for details on how to use the generated script.\n", name)
	for _, sh := range c.Commands() {
		sh.Short = i18n.T("Generate the autocompletion script for %s", sh.Name())
		if f := sh.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = i18n.Text("disable completion descriptions")
		}
		switch sh.Name() {
		case "bash":
			sh.Long = i18n.T(`Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(%[1]s completion bash)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion bash > /etc/bash_completion.d/%[1]s

#### macOS:

	%[1]s completion bash > $(brew --prefix)/etc/bash_completion.d/%[1]s

You will need to start a new shell for this setup to take effect.
`, name)
		case "zsh":
			sh.Long = i18n.T(`Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(%[1]s completion zsh)

To load completions for every new session, execute once:

#### Linux:

	%[1]s completion zsh > "${fpath[1]}/_%[1]s"

#### macOS:

	%[1]s completion zsh > $(brew --prefix)/share/zsh/site-functions/_%[1]s

You will need to start a new shell for this setup to take effect.
`, name)
		case "fish":
			sh.Long = i18n.T(`Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	%[1]s completion fish | source

To load completions for every new session, execute once:

	%[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

You will need to start a new shell for this setup to take effect.
`, name)
		case "powershell":
			sh.Long = i18n.T(`Generate the autocompletion script for powershell.

To load completions in your current shell session:

	%[1]s completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`, name)
		}
	}
}

// usageTemplate is cobra's default usage template with its headings in
// the current language.
func usageTemplate() string {
	return i18n.Text("Usage:") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + i18n.Text("Aliases:") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + i18n.Text("Examples:") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

` + i18n.Text("Available Commands:") + `{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

` + i18n.Text("Additional Commands:") + `{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + i18n.Text("Flags:") + `
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | localDefaults}}{{end}}{{if .HasAvailableInheritedFlags}}

` + i18n.Text("Global Flags:") + `
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | localDefaults}}{{end}}{{if .HasHelpSubCommands}}

` + i18n.Text("Additional help topics:") + `{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

` + i18n.T(`Use "%s [command] --help" for more information about a command.`, "{{.CommandPath}}") + `{{end}}
`
}

// pflagDefault is the "(default X)" pflag ends a flag's usage line with.
var pflagDefault = regexp.MustCompile(`(?m) \(default (.*)\)$`)

// localDefaults says pflag's "(default X)" in the current language.
func localDefaults(usages string) string {
	return pflagDefault.ReplaceAllStringFunc(usages, func(m string) string {
		return i18n.T(" (default %s)", pflagDefault.FindStringSubmatch(m)[1])
	})
}

// cobraErrors are what cobra and pflag say about bad arguments, matched by
// their English text, each with the same sentence in the current language.
var cobraErrors = []struct {
	re  *regexp.Regexp
	say func(m []string) string
}{
	{regexp.MustCompile(`^unknown flag: (\S+)$`), func(m []string) string { return i18n.T("unknown flag: %s", m[1]) }},
	{regexp.MustCompile(`^unknown shorthand flag: '(.+)' in (\S+)$`), func(m []string) string {
		return i18n.T("unknown shorthand flag: '%s' in %s", m[1], m[2])
	}},
	{regexp.MustCompile(`^flag needs an argument: '(.+)' in (\S+)$`), func(m []string) string {
		return i18n.T("flag needs an argument: '%s' in %s", m[1], m[2])
	}},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), func(m []string) string { return i18n.T("flag needs an argument: %s", m[1]) }},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`), func(m []string) string {
		return i18n.T(`invalid argument "%s" for "%s" flag: %s`, m[1], m[2], m[3])
	}},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), func(m []string) string { return i18n.T("bad flag syntax: %s", m[1]) }},
	{regexp.MustCompile(`(?s)^unknown command "(.*)" for "(.*?)"(?:\n\nDid you mean this\?\n(.*))?$`), func(m []string) string {
		if s := strings.TrimSpace(m[3]); s != "" {
			return i18n.T("unknown command \"%s\" for \"%s\"; did you mean %s?", m[1], m[2], strings.Join(strings.Fields(s), ", "))
		}
		return i18n.T("unknown command \"%s\" for \"%s\"", m[1], m[2])
	}},
}

// localizeCobraError says one of cobra's or pflag's errors in the current
// language (English keeps it as it is); the error is still the same one
// underneath.
func localizeCobraError(err error) error {
	if err == nil || !i18n.IsChinese() {
		return err
	}
	for _, c := range cobraErrors {
		if m := c.re.FindStringSubmatch(err.Error()); m != nil {
			return &said{msg: c.say(m), err: err}
		}
	}
	return err
}

// said is an error with its text in another language.
type said struct {
	msg string
	err error
}

func (s *said) Error() string { return s.msg }
func (s *said) Unwrap() error { return s.err }

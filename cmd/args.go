package cmd

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// noArgs and the other validators turn cobra's argument errors into usage
// errors (exit 2).
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErr(i18n.Errorf("%s takes no arguments, got %q", c.CommandPath(), args[0]))
	}
	return nil
}

// needs says, as one sentence naming the command, what arguments it
// needs.
type needs func(command string) string

func needsFiles(c string) string { return i18n.T("%s needs at least one launch file", c) }
func needsFile(c string) string {
	return i18n.T("%s needs one launch file (or - for standard input)", c)
}
func needsInstance(c string) string { return i18n.T("%s needs one instance ID (i-…)", c) }
func needsTemplate(c string) string { return i18n.T("%s needs one launch template ID (lt-…)", c) }

func minArgs(n int, what needs) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErr(errors.New(what(c.CommandPath())))
		}
		return nil
	}
}

func exactArgs(n int, what needs) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErr(errors.New(what(c.CommandPath())))
		}
		return nil
	}
}

package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// noArgs and the other validators turn cobra's argument errors into usage
// errors (exit 2).
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErr(fmt.Errorf("%s takes no arguments, got %q", c.CommandPath(), args[0]))
	}
	return nil
}

func minArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErr(fmt.Errorf("%s needs %s", c.CommandPath(), what))
		}
		return nil
	}
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErr(fmt.Errorf("%s needs %s", c.CommandPath(), what))
		}
		return nil
	}
}

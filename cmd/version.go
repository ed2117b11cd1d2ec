package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Version is set at build time with -ldflags "-X github.com/ecslaunch/ecslaunch/cmd.Version=v1.2.3".
var Version = "dev"

func newVersionCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: i18n.Text("Print the version of ecslaunch and of the Alibaba Cloud SDK it speaks through"),
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(io.Out, "ecslaunch %s (alibaba-cloud-sdk-go %s)\n", Version, sdkVersion())
			return nil
		},
	}
}

// sdkVersion reads the SDK module version from the build information.
func sdkVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/aliyun/alibaba-cloud-sdk-go" {
				return d.Version
			}
		}
	}
	return i18n.Text("unknown")
}

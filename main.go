// Command ecslaunch composes, checks, DryRuns, launches or exports an
// Alibaba Cloud ECS RunInstances request. The work is in cmd and the
// packages it calls; main only maps the outcome to the exit code.
package main

import (
	"os"

	"github.com/ecslaunch/ecslaunch/cmd"
)

func main() { os.Exit(cmd.Execute()) }

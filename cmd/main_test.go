package cmd

import (
	"os"
	"testing"
)

// TestMain lets a test run this package's command line as a child
// process (ECSLAUNCH_CMD_MAIN=1), so a test can kill -9 a real launch.
func TestMain(m *testing.M) {
	if os.Getenv("ECSLAUNCH_CMD_MAIN") == "1" {
		os.Exit(Execute())
	}
	os.Exit(m.Run())
}

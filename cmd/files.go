package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ecslaunch/ecslaunch/request"
)

// readLaunchFile reads and parses a launch file ("-" is standard input).
// Its errors are input errors (exit 2) and name the file.
func readLaunchFile(path string, in io.Reader) (*request.File, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(in)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, usageErr(fmt.Errorf("cannot read launch file: %w", err))
	}
	f, err := request.ParseFile(data)
	if err != nil {
		var fe *request.FileError
		if errors.As(err, &fe) && fe.Line > 0 {
			return nil, usageErr(fmt.Errorf("%s:%d: %s", path, fe.Line, fe.Msg))
		}
		return nil, usageErr(fmt.Errorf("%s: %w", path, err))
	}
	return f, nil
}

package forms

import (
	"time"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Temporary until the rules package lands: the same signatures.
type ruleContext struct {
	OSType    string
	ImageSize int
	Now       time.Time
}

func checkParam(req *request.Request, key string, c ruleContext) []rules.Finding { return nil }
func relatedKeys(key string) []string                                            { return nil }
func validateAll(req *request.Request, c ruleContext) []rules.Finding            { return nil }

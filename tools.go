//go:build tools

// This file pins the libraries the packages share, so that `go mod tidy`
// keeps them while the packages that use them grow.
package main

import (
	_ "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	_ "github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"
	_ "github.com/atotto/clipboard"
	_ "github.com/charmbracelet/bubbles/table"
	_ "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/huh"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/x/exp/golden"
	_ "github.com/charmbracelet/x/exp/teatest"
	_ "github.com/hashicorp/hcl/v2/hclparse"
	_ "github.com/hashicorp/hcl/v2/hclwrite"
	_ "github.com/sahilm/fuzzy"
	_ "github.com/spf13/cobra"
	_ "gopkg.in/yaml.v3"
)

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The framework's server also implements optional server interfaces (ProviderServerWith…), which
// terraform-plugin-go looks for by type assertion; the wrapper forwards each of them.
// TestServerForwardsOptionalInterfaces derives the list from terraform-plugin-go's own source and fails
// when a forward is missing here.

func (s *server) listResources() tfprotov6.ListResourceServer {
	return s.ProviderServer.(tfprotov6.ListResourceServer) //nolint:forcetypeassert // TestServerForwardsOptionalInterfaces
}

func (s *server) actions() tfprotov6.ActionServer {
	return s.ProviderServer.(tfprotov6.ActionServer) //nolint:forcetypeassert // TestServerForwardsOptionalInterfaces
}

func (s *server) stateStores() tfprotov6.StateStoreServer {
	return s.ProviderServer.(tfprotov6.StateStoreServer) //nolint:forcetypeassert // TestServerForwardsOptionalInterfaces
}

func (s *server) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return s.listResources().ValidateListResourceConfig(ctx, req)
}

func (s *server) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	return s.listResources().ListResource(ctx, req)
}

func (s *server) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	return s.actions().ValidateActionConfig(ctx, req)
}

func (s *server) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	return s.actions().PlanAction(ctx, req)
}

func (s *server) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	return s.actions().InvokeAction(ctx, req)
}

func (s *server) ValidateStateStoreConfig(ctx context.Context, req *tfprotov6.ValidateStateStoreConfigRequest) (*tfprotov6.ValidateStateStoreConfigResponse, error) {
	return s.stateStores().ValidateStateStoreConfig(ctx, req)
}

func (s *server) ConfigureStateStore(ctx context.Context, req *tfprotov6.ConfigureStateStoreRequest) (*tfprotov6.ConfigureStateStoreResponse, error) {
	return s.stateStores().ConfigureStateStore(ctx, req)
}

func (s *server) ReadStateBytes(ctx context.Context, req *tfprotov6.ReadStateBytesRequest) (*tfprotov6.ReadStateBytesStream, error) {
	return s.stateStores().ReadStateBytes(ctx, req)
}

func (s *server) WriteStateBytes(ctx context.Context, stream *tfprotov6.WriteStateBytesStream) (*tfprotov6.WriteStateBytesResponse, error) {
	return s.stateStores().WriteStateBytes(ctx, stream)
}

func (s *server) GetStates(ctx context.Context, req *tfprotov6.GetStatesRequest) (*tfprotov6.GetStatesResponse, error) {
	return s.stateStores().GetStates(ctx, req)
}

func (s *server) DeleteState(ctx context.Context, req *tfprotov6.DeleteStateRequest) (*tfprotov6.DeleteStateResponse, error) {
	return s.stateStores().DeleteState(ctx, req)
}

func (s *server) LockState(ctx context.Context, req *tfprotov6.LockStateRequest) (*tfprotov6.LockStateResponse, error) {
	return s.stateStores().LockState(ctx, req)
}

func (s *server) UnlockState(ctx context.Context, req *tfprotov6.UnlockStateRequest) (*tfprotov6.UnlockStateResponse, error) {
	return s.stateStores().UnlockState(ctx, req)
}

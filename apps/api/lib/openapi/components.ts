import type { z } from "zod";
import * as common from "../schemas/common";
import * as users from "../schemas/users";
import * as apiKeys from "../schemas/api-keys";

/**
 * Every zod schema the OpenAPI document refers to, by component name. Request bodies and
 * responses become `components.schemas.<Name>`; query schemas (named in an operation's
 * `x-query`) are expanded into its parameters. The routes validate with these very
 * objects, so the document cannot drift from validation.
 */
export const schemaComponents: Record<string, z.ZodType> = {
  ErrorResponse: common.ErrorResponse,
  ErrorResponseV2: common.ErrorResponseV2,
  DeletedResponse: common.DeletedResponse,
  ApiIndexResponse: common.ApiIndexResponse,
  User: users.User,
  UserCreateBody: users.UserCreateBody,
  UserUpdateBody: users.UserUpdateBody,
  UserResponse: users.UserResponse,
  UserListResponse: users.UserListResponse,
  ApiKey: apiKeys.ApiKey,
  ApiKeyCreateBody: apiKeys.ApiKeyCreateBody,
  ApiKeyUpdateBody: apiKeys.ApiKeyUpdateBody,
  ApiKeyResponse: apiKeys.ApiKeyResponse,
  ApiKeyCreatedResponse: apiKeys.ApiKeyCreatedResponse,
  ApiKeyListResponse: apiKeys.ApiKeyListResponse,
};

export const queryComponents: Record<string, z.ZodObject> = {
  IdQuery: common.IdQuery,
  ListUsersQuery: users.ListUsersQuery,
  ListApiKeysQuery: apiKeys.ListApiKeysQuery,
  ApiKeyIdQuery: apiKeys.ApiKeyIdQuery,
};

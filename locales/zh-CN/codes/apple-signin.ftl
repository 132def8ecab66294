### errmap's own Simplified Chinese translations of the Sign in with Apple errors
### (mappings/apple-signin.toml). Apple's texts here are English; these lines are ours.

apple-signin-invalid_request = 请求格式有误，通常是因为缺少参数、包含不受支持的参数、包含多个凭据，或使用了不止一种客户端身份验证机制。
apple-signin-invalid_client = 客户端身份验证失败，通常是因为客户端标识符不匹配或无效、客户端密钥无效（令牌过期、声明格式有误或签名无效），或重定向 URI 不匹配或无效。
apple-signin-invalid_grant = 授权许可或刷新令牌无效，通常是因为客户端标识符不匹配或无效、授权码无效（已过期或已使用过），或刷新令牌无效。
apple-signin-unauthorized_client = 客户端无权使用此授权许可类型。
apple-signin-unsupported_grant_type = 已通过身份验证的客户端无权使用此授权类型。
apple-signin-invalid_scope = 请求的范围无效。
apple-signin-user_cancelled_authorize = 用户取消了“通过 Apple 登录”。
apple-signin-1000 = 授权尝试因未知原因失败。
apple-signin-1001 = 用户取消了授权尝试。
apple-signin-1002 = 授权请求收到了无效的响应。
apple-signin-1003 = 授权请求未被处理。
apple-signin-1004 = 授权尝试失败。
apple-signin-1005 = 授权请求不是交互式的。
apple-signin-1006 = 只有在公钥凭据注册请求中指定了 excludedCredentials 时才应返回此错误。
apple-signin-1007 = 凭据导入请求失败。
apple-signin-1008 = 凭据导出请求失败。
apple-signin-1009 = 此错误表示用户已有一个“通过 Apple 登录”账户，并希望改用该账户，而不是继续当前请求。
apple-signin-1010 = 此错误表示该设备当前未设置为可创建通行密钥。

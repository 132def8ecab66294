### errmap's own Traditional Chinese (Taiwan) translations of the Sign in with Apple errors
### (mappings/apple-signin.toml). Apple's texts here are English; these lines are ours.

apple-signin-invalid_request = 要求格式有誤，通常是因為缺少參數、包含不支援的參數、包含多組認證，或使用了不只一種用戶端驗證機制。
apple-signin-invalid_client = 用戶端驗證失敗，通常是因為用戶端識別碼不符或無效、用戶端密鑰無效（權杖過期、宣告格式有誤或簽章無效），或重新導向 URI 不符或無效。
apple-signin-invalid_grant = 授權許可或更新權杖無效，通常是因為用戶端識別碼不符或無效、授權碼無效（已過期或已使用過），或更新權杖無效。
apple-signin-unauthorized_client = 用戶端無權使用此授權許可類型。
apple-signin-unsupported_grant_type = 已通過驗證的用戶端無權使用此授權類型。
apple-signin-invalid_scope = 要求的範圍無效。
apple-signin-user_cancelled_authorize = 使用者取消了「使用 Apple 登入」。
apple-signin-1000 = 授權嘗試因不明原因失敗。
apple-signin-1001 = 使用者取消了授權嘗試。
apple-signin-1002 = 授權要求收到了無效的回應。
apple-signin-1003 = 授權要求未經處理。
apple-signin-1004 = 授權嘗試失敗。
apple-signin-1005 = 授權要求並非互動式。
apple-signin-1006 = 只有在公開金鑰認證註冊要求中指定了 excludedCredentials 時，才應傳回此錯誤。
apple-signin-1007 = 認證匯入要求失敗。
apple-signin-1008 = 認證匯出要求失敗。
apple-signin-1009 = 此錯誤表示使用者已有「使用 Apple 登入」帳號，並希望改用該帳號，而非繼續目前的要求。
apple-signin-1010 = 此錯誤表示該裝置目前未設定為可建立通行密鑰。

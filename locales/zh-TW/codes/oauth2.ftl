### errmap's Traditional Chinese (Taiwan) translations of the OAuth 2.0 error definitions
### (mappings/oauth2.toml).
### Converted from locales/zh-CN/codes/oauth2.ftl (OpenCC s2twp) and reviewed by hand for Taiwan usage.

oauth2-invalid_request = 請求缺少必要參數、包含不支援的參數值（授與類型除外）、重複了某個參數、包含多組憑證、使用了多種用戶端驗證機制，或格式有其他錯誤。
oauth2-invalid_client = 用戶端驗證失敗（例如用戶端未知、未附帶用戶端驗證資訊，或驗證方式不受支援）。
oauth2-invalid_grant = 提供的授權授與（例如授權碼、資源擁有者憑證）或重新整理權杖無效、已過期、已被撤銷、與授權請求中使用的重新導向 URI 不符，或核發給了其他用戶端。
oauth2-unauthorized_client = 已驗證的用戶端無權使用此授與類型。
oauth2-unsupported_grant_type = 授權伺服器不支援此授與類型。
oauth2-invalid_scope = 要求的 scope 無效、未知、格式錯誤，或超出資源擁有者授予的範圍。
oauth2-access_denied = 資源擁有者或授權伺服器拒絕了此請求。
oauth2-unsupported_response_type = 授權伺服器不支援以此方式取得授權碼。
oauth2-server_error = 授權伺服器遇到非預期的狀況，無法完成此請求。
oauth2-temporarily_unavailable = 授權伺服器暫時超載或正在維護，目前無法處理此請求。
oauth2-invalid_token = 提供的存取權杖已過期、已被撤銷、格式錯誤，或因其他原因無效。
oauth2-insufficient_scope = 此請求所需的權限高於存取權杖所授予的權限。
oauth2-authorization_pending = 授權請求仍在等待中，終端使用者尚未完成互動步驟（第 3.3 節）。
oauth2-slow_down = 「authorization_pending」的一種變體：授權請求仍在等待中，應繼續輪詢，但此次及之後的每次請求都必須將間隔增加 5 秒。
oauth2-expired_token = 「device_code」已過期，裝置授權工作階段已結束。
oauth2-insufficient_user_authentication = 與所出示存取權杖關聯的驗證事件不符合受保護資源的驗證要求。

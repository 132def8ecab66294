### errmap 標準錯誤類型（kind）的訊息與提示（繁體中文，臺灣用語）。
### 每個類型在 mappings/taxonomy.toml 中各有一個項目，此處順序與其相同。
###
### 訊息本身是可以顯示給受影響者的簡短文字。
### `.hint` 說明下一步該怎麼做，對象是該類型的處理者（actor）：
### end_user：正在登入的人；integrator：呼叫 API 的開發人員；
### administrator：租用戶或應用程式的管理員；operator：營運該服務的人。
### `.detailed`（僅兩個類型有）在其變數已知時，取代訊息本身使用。


## 登入

kind-authentication_failed = 登入失敗。
    .hint = 請稍後再試。如果持續失敗，請聯絡客服。
kind-invalid_grant = 提供的登入資訊或授權未被接受。
    .hint = 請重新登入以取得新的授權。
kind-invalid_credentials = 帳號或密碼不正確。
    .hint = 請檢查帳號和密碼後再試一次。如果忘記密碼，請重設密碼。
    .detailed = 帳號或密碼不正確，{ $remaining ->
        [0] 已沒有剩餘的嘗試次數。
       *[other] 還可以再試 { $remaining } 次。
    }
kind-user_not_found = 找不到符合這些資料的帳號。
    .hint = 請檢查帳號是否正確；如果還沒有帳號，請先註冊。
kind-bad_password = 密碼不正確。
    .hint = 請再試一次；如果忘記密碼，請重設密碼。
kind-old_password_incorrect = 您輸入的目前密碼不正確。
    .hint = 請輸入您目前用來登入的密碼。如果忘記了，請改為重設密碼。
kind-refresh_token_invalid = 您的登入狀態已無法延續。
    .hint = 請重新登入以繼續。
kind-authorization_code_invalid = 授權碼未被接受，因此無法完成登入。
    .hint = 每個授權碼只能兌換一次，請在核發後盡快兌換，並使用其授權請求中的重新導向 URI 與 PKCE code_verifier，然後重新開始登入。
kind-device_code_expired = 此裝置的登入請求已過期。
    .hint = 請重新開始裝置授權，並向使用者顯示新的使用者代碼。不要再以舊的裝置代碼輪詢。
kind-password_not_set = 此帳號未設定密碼，因此無法使用密碼登入。
    .hint = 請使用您建立帳號時的方式登入，例如已綁定的社群帳號。
kind-client_authentication_failed = 應用程式本身的憑證遭到拒絕。
    .hint = 請檢查應用程式送出的用戶端 ID 與密鑰（或金鑰）；如果舊密鑰已被撤銷，請產生新的密鑰。
kind-client_not_found = 此應用程式未在登入服務中註冊。
    .hint = 請檢查應用程式送出的用戶端 ID，並確認該用戶端已在請求送往的領域（realm）、租用戶或環境中註冊。


## 帳號狀態

kind-account_unavailable = 此帳號目前無法使用。
    .hint = 請在使用者管理中檢查此帳號的狀態，並視情況恢復其存取權。
kind-locked = 此帳號已被鎖定。
    .hint = 請先查明帳號被鎖定的原因，再於使用者管理中解除鎖定。
kind-locked_temporarily = 由於登入失敗次數過多，此帳號已暫時鎖定。
    .hint = 鎖定會自動解除，請等候幾分鐘後再試一次。
    .detailed = 此帳號已暫時鎖定，將於 { $minutes ->
        [0] { $seconds } 秒
       *[other] { $seconds ->
            [0] { $minutes } 分鐘
           *[other] { $minutes } 分 { $seconds } 秒
        }
    }後解除鎖定。
kind-disabled = 此帳號已被停用。
    .hint = 如果該使用者仍應擁有存取權，請在使用者管理中重新啟用此帳號。
kind-contact_not_verified = 此帳號的電子郵件地址或手機號碼尚未驗證。
    .hint = 請依照您收到的驗證訊息完成驗證，或重新取得驗證訊息，然後再試一次。
kind-signup_failed = 無法建立帳號。
    .hint = 請檢查您輸入的資料後再試一次。如果您已經有帳號，請直接登入。


## 工作階段與權杖

kind-login_required = 您需要先登入才能繼續。
    .hint = 請登入後再試一次。
kind-token_invalid = 您的登入狀態無效。
    .hint = 請重新登入以繼續。
kind-token_expired = 您的登入狀態已過期。
    .hint = 請重新登入以繼續。


## 驗證

kind-verification_failed = 驗證失敗。
    .hint = 請重新完成驗證步驟。
kind-verification_code_invalid = 驗證碼不正確。
    .hint = 請核對最近一次收到的訊息中的驗證碼，或重新取得驗證碼。
kind-verification_code_expired = 驗證碼已過期。
    .hint = 請重新取得驗證碼，並在收到後盡快輸入。
kind-captcha_required = 需要通過安全性檢查才能繼續。
    .hint = 請完成人機驗證（CAPTCHA），然後重新送出。
kind-captcha_invalid = 未通過安全性檢查。
    .hint = 請再試一次人機驗證（CAPTCHA）。
kind-captcha_expired = 安全性檢查已過期。
    .hint = 請重新完成人機驗證（CAPTCHA），然後再送出。
kind-action_link_invalid = 此連結無效或已被使用。
    .hint = 請重新取得連結，並使用最新一封電子郵件中的連結。
kind-action_link_expired = 此連結已過期。
    .hint = 請重新取得連結，並在收到後盡快開啟。
kind-mfa_code_invalid = 動態驗證碼不正確。
    .hint = 請輸入驗證器應用程式目前顯示的驗證碼，並確認裝置的時間正確。
kind-recovery_code_invalid = 復原碼不正確。
    .hint = 請與您保存的復原碼核對。每組復原碼只能使用一次。
kind-biometric_mismatch = 生物辨識驗證不符。
    .hint = 請在光線充足處正對鏡頭再試一次，或改用其他登入方式。


## 登入流程步驟（並非失敗）

kind-action_required = 還需要再完成一個步驟才能完成登入。
    .hint = 請依照畫面上的指示繼續。
kind-step_up_required = 此操作需要更高強度或更近期的登入驗證。
    .hint = 請重新登入，並完成系統要求的額外驗證。
kind-reauthentication_required = 執行此操作前，請先確認您的身分。
    .hint = 請重新登入或完成驗證，然後再執行一次此操作。
kind-mfa_required = 需要額外驗證才能完成登入。
    .hint = 請輸入驗證器應用程式中的驗證碼，或改用其他第二步驟驗證方式以繼續。
kind-consent_required = 應用程式需要您的同意才能繼續。
    .hint = 請檢視應用程式要求的存取權限，同意後即可繼續。
kind-authorization_pending = 授權仍在等待核准。
    .hint = 請依伺服器指定的間隔持續輪詢，直到使用者核准或請求過期。
kind-password_change_required = 您需要設定新密碼才能繼續。
    .hint = 請設定符合密碼要求的新密碼。
kind-first_login_password_change = 這是您第一次登入，請設定新密碼。
    .hint = 請設定符合要求的新密碼。設定後，初始密碼將無法再使用。
kind-account_link_required = 需要將此次登入綁定到帳號才能繼續。
    .hint = 請登入您的帳號以完成綁定，或依照畫面上的指示操作。
kind-account_link_existing_required = 需要將此次登入綁定到現有帳號。
    .hint = 請登入您的現有帳號以完成綁定。此處無法建立新帳號。
kind-account_link_or_create_required = 需要將此次登入綁定到新的或現有的帳號。
    .hint = 請登入您的現有帳號以完成綁定，或建立新帳號。
kind-profile_completion_required = 需要補充部分個人資料才能繼續。
    .hint = 請填寫缺少的資料以完成登入。
kind-flow_completed = 登入已完成。
    .hint = 不需要進一步操作。
kind-flow_aborted = 登入流程在完成前已結束。
    .hint = 請從登入頁面重新開始。
kind-login_cancelled = 已取消登入。
    .hint = 準備好後，隨時可以重新開始。


## 授權

kind-permission_denied = 您沒有執行此操作的權限。
    .hint = 如果該使用者應可執行此操作，請為其授予所需的權限或角色。
kind-client_not_authorized = 此應用程式不允許以這種方式登入。
    .hint = 請在身分提供者的設定中為該應用程式允許此授與類型或回應類型，或改用允許的流程。
kind-insufficient_scope = 存取權杖未授予此權限。
    .hint = 請要求包含此操作所需範圍（scope）的權杖。
kind-login_not_allowed = 此帳號不允許登入此應用程式。
    .hint = 如果該使用者應擁有存取權，請在此應用程式或租用戶中為其授予存取權。
kind-app_disabled = 此應用程式目前已停用。
    .hint = 請在應用程式設定中重新啟用此應用程式。
kind-origin_not_allowed = 不允許來自此網站的請求。
    .hint = 請將該來源或網域新增至應用程式允許的來源或回呼 URL。
kind-feature_disabled = 此功能尚未啟用。
    .hint = 請為此應用程式或租用戶啟用所需的功能或服務。
kind-signup_disabled = 此應用程式未開放註冊。
    .hint = 如果應允許新使用者註冊，請在應用程式設定中開放註冊。


## 無效的請求

kind-invalid_request = 無法處理此請求。
    .hint = 請對照 API 文件檢查請求參數。
kind-invalid_parameter = 請求中有參數值無效。
    .hint = 請對照 API 文件檢查參數的格式、長度與允許值。
kind-invalid_scope = 要求的範圍（scope）無效。
    .hint = 請只要求身分提供者已定義、且該應用程式獲准使用的範圍。
kind-invalid_email = 電子郵件地址無效。
    .hint = 請檢查地址是否有錯字，格式應類似 name@example.com。
kind-invalid_phone = 手機號碼無效。
    .hint = 請檢查號碼，必要時加上國碼。
kind-password_policy_violation = 新密碼不符合密碼要求。
    .hint = 請設定更長或更複雜、且未曾使用過的密碼。
kind-value_unchanged = 新值與目前的值相同。
    .hint = 請輸入不同的值，或維持不變。
kind-missing_parameter = 請求缺少必要資訊。
    .hint = 請補上缺少的參數。各 API 呼叫需要哪些參數，請參閱 API 文件。
kind-app_id_missing = 請求未指明所屬的應用程式。
    .hint = 請在請求中附上應用程式（用戶端）ID。
kind-old_password_missing = 變更密碼需要提供目前的密碼。
    .hint = 請同時輸入目前的密碼與新密碼。
kind-unsupported_operation = 不支援此操作。
    .hint = 請查閱 API 文件，確認此端點支援哪些操作、情境與類型。
kind-precondition_failed = 帳號目前的狀態不允許執行此操作。
    .hint = 請檢查帳號設定並完成待處理的步驟，然後再試一次。
kind-contact_missing = 此帳號沒有電子郵件地址或手機號碼。
    .hint = 請為您的帳號新增電子郵件地址或手機號碼，然後再試一次。
kind-email_missing = 此帳號沒有電子郵件地址。
    .hint = 請為您的帳號新增電子郵件地址，然後再試一次。
kind-last_login_method = 您無法移除唯一的登入方式。
    .hint = 請先新增其他登入方式，再移除這個方式。


## 找不到

kind-resource_not_found = 找不到所要求的項目。
    .hint = 請檢查請求中的 ID。該項目可能已被刪除。
kind-app_not_found = 找不到該應用程式。
    .hint = 請檢查應用程式（用戶端）ID 以及請求送往的環境。
kind-user_pool_not_found = 找不到該使用者目錄。
    .hint = 請檢查請求使用的使用者集區（租用戶）ID。
kind-link_not_found = 您的帳號未綁定此登入方式。
    .hint = 沒有需要移除的項目。您可以在帳號設定中查看已綁定的登入方式。


## 衝突

kind-conflict = 請求與目前的資料衝突。
    .hint = 請取得最新狀態，再以更新後的值重試請求。
kind-already_exists = 已有相同名稱或識別碼的項目。
    .hint = 請使用其他名稱、代碼或識別碼，或更新現有的項目。
kind-account_exists = 已有使用這些資料的帳號。
    .hint = 請登入該帳號；如果忘記密碼，請重設密碼。
kind-email_taken = 已有帳號使用此電子郵件地址。
    .hint = 請使用此電子郵件地址登入，或改用其他電子郵件地址。
kind-phone_taken = 已有帳號使用此手機號碼。
    .hint = 請使用此手機號碼登入，或改用其他手機號碼。
kind-username_taken = 此使用者名稱已被使用。
    .hint = 請選擇其他使用者名稱。
kind-domain_unavailable = 無法使用此網域。
    .hint = 請選擇其他網域。此網域已被使用或為保留網域。
kind-domain_taken = 此網域已被使用。
    .hint = 請選擇其他網域，或從正在使用它的應用程式或使用者集區中釋出該網域。
kind-link_conflict = 此登入方式已經綁定。
    .hint = 不需要重複綁定。您可以在帳號設定中查看已綁定的登入方式。
kind-already_linked = 您的帳號已綁定此登入方式。
    .hint = 如需改為綁定另一個，請先解除目前的綁定。
kind-linked_to_other_account = 此登入方式已綁定到其他帳號。
    .hint = 請登入另一個帳號並在該處解除綁定，或改用其他登入方式。
kind-resource_in_use = 此項目仍在使用中，無法變更或刪除。
    .hint = 請先移除依賴它的項目（例如子組織、使用者或已綁定的帳號），然後再試一次。


## 限制與計費

kind-rate_limited = 短時間內的請求次數過多。
    .hint = 請稍候片刻，然後再試一次。
kind-sms_rate_limited = 簡訊要求過於頻繁。
    .hint = 請等候一分鐘後再重新取得驗證碼。
kind-billing_error = 由於計費因素，此操作遭到拒絕。
    .hint = 請向服務供應商確認訂閱與計費狀態。
kind-quota_exceeded = 已達到訂閱方案的用量上限。
    .hint = 請升級訂閱方案，或等候額度重設（例如到下個月）。
kind-insufficient_balance = 服務供應商的帳戶餘額不足，無法執行此操作。
    .hint = 請向服務供應商儲值，然後再試一次。


## 設定、上游服務與伺服器

kind-configuration_error = 登入服務的設定不正確。
    .hint = 請在管理主控台中檢查應用程式與租用戶的設定。
kind-upstream_error = 此請求所依賴的服務發生故障。
    .hint = 請稍後再試。如果問題持續發生，請檢查所依賴服務的狀態。
kind-identity_provider_error = 外部登入提供者回報了問題。
    .hint = 請檢查身分提供者（社群登入、LDAP、一鍵登入）的設定與狀態，然後再試一次。
kind-delivery_failed = 無法傳送驗證碼或連結。
    .hint = 請檢查訊息服務的設定與狀態。使用者稍後可以重新要求傳送。
kind-sms_delivery_failed = 無法傳送簡訊。
    .hint = 請檢查簡訊服務的設定、餘額與狀態，然後再試一次。
kind-email_delivery_failed = 無法寄送電子郵件。
    .hint = 請檢查電子郵件服務的設定（範本、寄件者）與狀態，然後再試一次。
kind-malformed_response = 服務傳回的回應無法解讀。
    .hint = 請再試一次。如果問題持續發生，請在記錄檔中檢查原始回應，並確認 API 版本是否有變更。
kind-network_error = 無法連線到服務。
    .hint = 請檢查您的網路連線，然後再試一次。
kind-internal_error = 伺服器發生錯誤。
    .hint = 請稍後再試。如果持續失敗，請檢查記錄檔與服務狀態。
kind-service_unavailable = 服務目前忙碌中或無法使用。
    .hint = 請稍後再試，並逐步拉長每次重試的間隔。如果問題持續發生，請檢查服務狀態。
kind-unknown = 發生未預期的錯誤。
    .hint = 請在記錄檔中查詢原始錯誤碼；如果是新的錯誤碼，請為其新增對應。
kind-redirect_uri_mismatch = 要求中的重新導向 URI 未在此應用程式中註冊。
    .hint = 請在應用程式中註冊完全相同的重新導向 URI，或改用已註冊的 URI（通訊協定、主機、路徑及結尾斜線都必須相符）。
kind-policy_blocked = 登入原則封鎖了此要求。
    .hint = 請從允許的位置、網路、裝置或應用程式登入，或詢問管理員適用的是哪一項存取原則。

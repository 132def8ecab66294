### errmap's own Traditional Chinese (Taiwan) translations of Authing API v3 error messages.
### The vendor's Simplified Chinese text (the `message` of each code in mappings/authing.toml)
### is the source of truth; these lines are ours, drafted with OpenCC s2twp and reviewed by hand.

authing-1576 = 沒有登入此應用程式的權限。
authing-1600 = 驗證後流程已順利完成，登入狀態已設定。
authing-1635 = 個人 MFA（在個人中心綁定）。
authing-1636 = 企業 MFA（在應用程式下設定）。
authing-1639 = 首次登入重設密碼（不需要驗證舊密碼）。
authing-1640 = 觸發同盟驗證，詢問是否綁定身分，僅允許綁定現有帳號。
authing-1641 = 觸發同盟驗證，詢問是否綁定身分，允許綁定現有帳號或建立新帳號。
authing-1642 = 補充登入資訊。
authing-1643 = 使用者自行解鎖。
authing-1699 = 提前終止驗證後流程，返回登入頁面。
authing-1700 = 未上傳人臉辨識的照片。
authing-1701 = 進行人臉比對時，未上傳要比對的圖片。
authing-1702 = 人臉驗證錯誤。
authing-1703 = 未綁定電子郵件地址或手機號碼，無法綁定人臉。
authing-1704 = 綁定人臉時，手機驗證失敗。
authing-1705 = 綁定人臉時，電子郵件驗證失敗。
authing-1706 = 人臉已被綁定。
authing-1707 = 綁定人臉失敗。
authing-2004 = 找不到使用者。
authing-2005 = 使用者已鎖定。
authing-2006 = 密碼錯誤。
authing-2011 = 應用程式不存在。
authing-2020 = 尚未登入，沒有存取此請求的權限。
authing-2031 = 應用程式已停止開放使用者註冊。
authing-2039 = 應用程式網域已被佔用。
authing-2040 = 使用者集區網域已被佔用。
authing-2058 = 強制重設密碼（需要驗證舊密碼）。
authing-2224 = 使用者集區不存在。
authing-2333 = 使用者名稱或密碼錯誤。
authing-4021 = 計量計費錯誤。
authing-6001 = TOTP 碼錯誤。
authing-6002 = TOTP 復原碼錯誤。
authing-6003 = 未輸入 TOTP 安全碼。
authing-6004 = 未輸入 TOTP 復原碼。
authing-2120008 = 使用者已停用，或不是此租用戶的成員。
authing-2130010 = 使用者沒有登入此租用戶的權限。
authing-2820002 = LDAP 連線無效。

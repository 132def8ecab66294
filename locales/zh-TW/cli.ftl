### errmap 命令列工具的介面文字（繁體中文，臺灣用語）。

## 文字輸出中的標籤

label-kind = 類別
label-kind-path = 類別路徑
label-vendor-message = 廠商原始訊息
label-translation = errmap 翻譯
label-vendor-text = 廠商原文
label-category = 分類
label-http-status = HTTP 狀態碼
label-http-status-vendor = 廠商文件所載
label-http-status-kind = 該類別的預設值
label-retryable = 可重試
label-actor = 誰能處理
label-public-kind = 對終端使用者顯示為
label-message = 訊息
label-hint = 建議
label-reason = 對應理由
label-description = 廠商說明
label-fallback = 備用錯誤碼，並非相符項目
label-no-equivalent = 無對應項目
label-more = ……還有 { $count } 個（加上 --all 可顯示所有候選項目）
label-confidence = 信賴度
label-weak = 弱
label-weak-hidden = 無對應項目（已隱藏弱候選項目）
label-weak-hidden-count = 弱候選項目已隱藏
label-codes-count = { $count ->
   *[other] { $count } 個錯誤碼
}
yes = 是
no = 否

## 對應關係與相符程度

relation-exact = 完全相同
relation-close = 相近
relation-broader = 較廣
relation-narrower = 較窄
relation-related = 相關
match-exact = 完全相同
match-close = 相近
match-narrower = 較窄

## 誰能處理

actor-end_user = 終端使用者
actor-integrator = 整合開發人員
actor-administrator = 管理員
actor-operator = 維運人員

## 錯誤

error = 錯誤
error-unknown-vendor = 未知的廠商「{ $given }」
error-did-you-mean = 您是指「{ $suggestion }」嗎？
error-known-vendors = 已知的廠商：{ $list }
error-unknown-code = { $vendor } 沒有錯誤碼「{ $code }」
error-code-elsewhere = 「{ $code }」是 { $list } 的錯誤碼（在該處是不同的錯誤碼）
error-list-codes = 執行 `errmap codes { $vendor }` 可列出其所有錯誤碼
error-malformed-reference = 「{ $given }」不是錯誤碼參照；請寫成 VENDOR:CODE，例如 wilddog:22011
error-invalid-catalogue = { $origin } 有問題
error-duplicate-catalogue = 目錄名稱「{ $name }」載入了兩次
error-io = 無法讀取 { $path }：{ $message }
error-io-write = 無法寫入 { $path }：{ $message }
label-standard-output = 標準輸出

## errmap normalize

label-unidentified = 無法識別的錯誤
label-withheld = （此暴露層級不顯示廠商與代碼）
label-known-code = 已知錯誤碼
label-unknown-code = 錯誤碼不在對照表中
label-params = 參數值
label-detection = 判定依據
detected-hint = 由呼叫端指定廠商
detected-shape = 依回應本文的結構偵測
detected-code = 依錯誤碼偵測
detected-message = 依訊息判定類別
detected-status = 依 HTTP 狀態碼判定類別
detected-none = 無法識別
summary-jsonl = errmap：共 { $lines } 行{ $blank ->
        [0] {""}
       *[other] （空白行 { $blank } 行）
    }，已正規化 { $normalized } 行（其中 { $unknown } 行沒有已知錯誤碼），錯誤 { $errors } 行；{ $vendors }
error-body-too-large = 回應本文有 { $size } 個位元組，超過上限 { $limit }；若要接受，請調高 --max-body-bytes
error-format-unsupported = errmap { $command } 不支援 --format { $format }；請改用下列其中之一：{ $list }
error-duplicate-builtin = 目錄名稱「{ $name }」為內建目錄所用；請改用其他 id，或加上 `overrides = true` 以取代內建目錄
error-duplicate-other-builtin = 名稱「{ $name }」屬於另一個內建目錄，而不是此檔案覆寫的那個；請換一個別名

## 錯誤碼的變體、設定與連結

label-variants-split = 同一個錯誤碼對應多種條件：各自分別翻譯
label-variant = 條件
label-same-as = 條件等同於
label-setting = 取決於設定
label-setting-into = 啟用時，{ $merges } 會回報為 { $into }
label-setting-hides = 啟用時，不會回報 { $merges }

## errmap vendors、kinds、table

label-vendor = 廠商
label-name = 名稱
label-aliases = 別名
label-codes = 錯誤碼
label-exact-share = 完全相同比例
label-user-catalogue = 您的目錄
label-per-catalogue = 各目錄
label-relation = 關係
label-crosswalk = 對照表
label-table-summary = { $total ->
   *[other] 共 { $total } 個錯誤碼
}：{ $counts }

## errmap search

label-no-results = 沒有符合的結果。請試著減少字詞，或改用錯誤碼、訊息中的某個字詞。
search-exact = 文字相同
search-equal = 文字相同（不計大小寫與標點符號）
search-template = 符合訊息範本
search-contains = 包含這些字詞
search-in_query = 出現在文字中
search-similar = 相似

## errmap check

check-ok = 通過
check-note = 附註
check-note-replaces = 取代內建目錄「{ $name }」（`overrides = true`）
check-empty-folder = 這裡沒有目錄檔案（*.toml）
check-summary = 已檢查 { $files ->
   *[other] { $files } 個檔案
}，{ $invalid ->
    [0] 全部有效
   *[other] { $invalid } 個有問題
}

## 說明

help-about = 翻譯身分驗證服務供應商的錯誤碼：在不同廠商之間互相對照，並對應到統一的標準分類體系。
help-usage = 用法
help-examples = 範例
help-more = 結束代碼：0 成功，1 找不到或無對應項目，2 用法錯誤或輸入無效，3 無法寫出輸出。`errmap help 指令` 可顯示該指令的選項。
help-options = 選項
help-arguments = 引數
help-commands = 指令
help-command-value = 指令
help-flag-help = 顯示說明
help-flag-version = 顯示版本
help-translate = 在其他目錄中找出某個錯誤碼最接近的對應項目
help-explain = 顯示 errmap 所知關於某個錯誤碼的所有資訊
help-search = 從任何文字找出錯誤碼與類別：廠商訊息、錯誤碼、符號或字詞
help-table = 移轉對照表：FROM 的每個錯誤碼，及其在 TO 中的最佳對應項目
help-codes = 列出某個目錄的所有錯誤碼及其類別
help-vendors = 列出所有目錄：id、名稱、別名、錯誤碼數量，以及完全相同的比例
help-kinds = 以樹狀結構顯示分類體系，以及每個類別下的錯誤碼數量
help-normalize = 將廠商的原始錯誤回應本文轉換為單一的標準錯誤
help-check = 檢查目錄檔案，並回報每個問題所在的檔案、行與欄
help-completions = 輸出 shell 自動完成指令碼
help-man = 輸出說明手冊頁（roff）
help-arg-lang = 訊息與標籤的語言（en、zh-CN、zh-TW）；預設依序取自 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG，皆未設定時為 en
help-arg-format = 輸出格式：text、json；normalize 另有 problem；table 另有 md、csv、sssom。csv 與 sssom 中，試算表會當作公式執行的儲存格（以 =、+、-、@、Tab 或歸位字元開頭，代碼 -1 也是）以文字寫出：加上引號，前面加 '
help-arg-color = 何時為輸出上色：auto（終端機且未設定 NO_COLOR 時）、always、never
help-arg-catalogs = 從檔案或資料夾載入額外的目錄（可重複指定）；也可使用 ERRMAP_CATALOGUES
help-arg-translate-reference = 要翻譯的錯誤碼，格式為 VENDOR:CODE（例如 wilddog:22011 或 wilddog:invalid_user）
help-arg-translate-targets = 要翻譯成的目錄；省略時為其他所有目錄
help-arg-translate-all = 顯示所有候選項目，而非只顯示每個目錄中最佳的五個
help-arg-explain-reference = 錯誤碼，格式為 VENDOR:CODE
help-arg-search-text = 要搜尋的文字：訊息、錯誤碼、符號或字詞
help-arg-search-vendor = 只在此目錄中搜尋
help-arg-search-limit = 最多顯示的結果數量
help-arg-table-from = 移轉前使用的目錄
help-arg-table-to = 移轉後使用的目錄
help-arg-table-min_confidence = 隱藏信賴度低於 N（0 到 1）的候選項目；這些列顯示為「無對應項目（已隱藏弱候選項目）」
help-arg-codes-vendor = 目錄的 id 或別名
help-arg-normalize-file = 存放回應本文的檔案（使用 --jsonl 時為逐行資料）；省略時讀取標準輸入
help-arg-normalize-vendor = 回應本文來自哪個目錄；優先於自動偵測
help-arg-normalize-status = 廠商回應的 HTTP 狀態碼
help-arg-normalize-content_type = 廠商回應的 Content-Type
help-arg-normalize-expose = 要揭露的內容：none、account-status 或 all（預設為 all；--format problem 時為 none）
help-arg-normalize-jsonl = 每行一個回應本文（或 {"{"}"body", "vendor", "status"{"}"} 記錄）；每行輸出一個結果
help-arg-normalize-max_body_bytes = 拒絕超過此位元組數的回應本文
help-arg-check-paths = 目錄檔案，或包含 *.toml 檔案的資料夾
help-arg-check-as_builtin = 把檔案當作 errmap 內建的資料（mappings/）檢查：只互相比對，不與內建目錄比對
help-arg-completions-shell = shell 種類：bash、zsh、fish、powershell 或 elvish

## 錯誤類型、慣例與 JSON 行串流

label-children = 更具體的類型
error-unknown-kind = 「{ $given }」既不是錯誤類型，也不是錯誤碼參照（VENDOR:CODE，例如 wilddog:22011）
error-list-kinds = `errmap kinds` 會列出所有錯誤類型
note-locale-fallback = errmap：沒有「{ $asked }」的訊息；改用 { $used }
error-jsonl-text = --jsonl 每行輸出一筆 JSON 記錄；請拿掉 --format，或改用 --format json 或 --format problem
error-search-empty = 沒有可搜尋的內容；請提供一則訊息、錯誤碼、符號或詞語
error-line-not-json = 第 { $line } 行不是 JSON
error-line-not-a-body = 第 { $line } 行不是回應本文或記錄（只是數字、true、false 或 null）
error-line-too-long = 第 { $line } 行有 { $size } 個位元組，超過上限 { $limit }；若要接受，請調高 --max-body-bytes
error-no-man-page = 沒有「{ $given }」的手冊頁；指令有 { $list }

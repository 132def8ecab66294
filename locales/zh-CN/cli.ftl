### errmap 命令行工具的界面文字（简体中文）。

## 文本输出中的标签

label-kind = 类型
label-kind-path = 类型路径
label-vendor-message = 厂商原文
label-translation = errmap 译文
label-vendor-text = 厂商文本
label-category = 类别
label-http-status = HTTP 状态码
label-http-status-vendor = 厂商文档给出
label-http-status-kind = 该类型的默认值
label-retryable = 可重试
label-actor = 谁能处理
label-public-kind = 对最终用户显示为
label-message = 提示信息
label-hint = 建议
label-reason = 映射理由
label-description = 厂商说明
label-fallback = 兜底错误码，并非等价
label-no-equivalent = 没有对应的错误码
label-more = ……另有 { $count } 个（加 --all 显示全部候选）
label-confidence = 置信度
label-weak = 弱
label-weak-hidden = 没有对应的错误码（已隐藏弱候选）
label-weak-hidden-count = 弱候选已隐藏
label-codes-count = { $count } 个错误码
yes = 是
no = 否

## 对应关系与匹配程度

relation-exact = 完全等同
relation-close = 相近
relation-broader = 更宽泛
relation-narrower = 更具体
relation-related = 相关
match-exact = 完全等同
match-close = 相近
match-narrower = 更具体

## 谁能处理

actor-end_user = 最终用户
actor-integrator = 接入开发者
actor-administrator = 管理员
actor-operator = 运维人员

## 错误

error = 错误
error-unknown-vendor = 未知的厂商“{ $given }”
error-did-you-mean = 您是不是要找“{ $suggestion }”？
error-known-vendors = 已知厂商：{ $list }
error-unknown-code = { $vendor } 没有错误码“{ $code }”
error-code-elsewhere = “{ $code }”是 { $list } 的错误码（含义不同）
error-list-codes = 运行 `errmap codes { $vendor }` 可列出它的全部错误码
error-malformed-reference = “{ $given }”不是错误码引用；请写成 厂商:错误码，例如 wilddog:22011
error-invalid-catalogue = { $origin } 有问题
error-duplicate-catalogue = 目录名“{ $name }”被加载了两次
error-io = 无法读取 { $path }：{ $message }
error-io-write = 无法写入 { $path }：{ $message }
label-standard-output = 标准输出

## errmap normalize

label-unidentified = 无法识别的错误
label-withheld = （此暴露级别不显示厂商与代码）
label-known-code = 已知错误码
label-unknown-code = 错误码不在对照表中
label-params = 参数值
label-detection = 判定依据
detected-hint = 调用方指定了厂商
detected-shape = 根据响应体结构识别
detected-code = 根据错误码识别
detected-message = 根据错误信息判定类型
detected-status = 根据 HTTP 状态码判定类型
detected-none = 未能识别
summary-jsonl = errmap：共 { $lines } 行{ $blank ->
        [0] {""}
       *[other] （空行 { $blank } 行）
    }，已规范化 { $normalized } 行（其中 { $unknown } 行没有已知错误码），出错 { $errors } 行；{ $vendors }
error-body-too-large = 响应体有 { $size } 字节，超过上限 { $limit }；如需接受，请调大 --max-body-bytes
error-format-unsupported = errmap { $command } 不支持 --format { $format }；可用的格式：{ $list }
error-duplicate-builtin = 目录名“{ $name }”是内置目录的名称；请换一个 id，或加上 `overrides = true` 以替换内置目录
error-duplicate-other-builtin = 名称“{ $name }”属于另一个内置目录，而不是此文件覆盖的那个；请换一个别名

## 错误码的变体、设置与关联

label-variants-split = 一个错误码对应多种情况：逐一翻译
label-variant = 情况
label-same-as = 与此错误码含义相同
label-setting = 取决于设置
label-setting-into = 开启后，{ $merges } 会统一报告为 { $into }
label-setting-hides = 开启后，不再报告 { $merges }

## errmap vendors、kinds、table

label-vendor = 厂商
label-name = 名称
label-aliases = 别名
label-codes = 错误码
label-exact-share = 完全等同
label-user-catalogue = 您的目录
label-per-catalogue = 各目录
label-relation = 关系
label-crosswalk = 迁移对照表
label-table-summary = 共 { $total } 个错误码：{ $counts }

## errmap search

label-no-results = 没有匹配的结果。可以试试更少的字词、错误码，或消息中的某个词。
search-exact = 文本相同
search-equal = 文本相同（忽略大小写和标点）
search-template = 符合消息模板
search-contains = 包含这些字词
search-in_query = 出现在文本中
search-similar = 相似

## errmap check

check-ok = 通过
check-note = 提示
check-note-replaces = 替换内置目录“{ $name }”（`overrides = true`）
check-empty-folder = 此处没有目录文件（*.toml）
check-summary = 已检查 { $files } 个文件，{ $invalid ->
    [0] 全部有效
   *[other] { $invalid } 个有问题
}

## 帮助

help-about = 在各身份认证服务商之间翻译错误码，并映射到统一的规范分类。
help-usage = 用法
help-examples = 示例
help-more = 退出码：0 成功，1 未找到或无等价项，2 用法或输入无效，3 无法写出输出。`errmap help 命令` 显示该命令的选项。
help-options = 选项
help-arguments = 参数
help-commands = 命令
help-command-value = 命令
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-translate = 在其他目录中查找错误码最接近的等价项
help-explain = 显示 errmap 掌握的某个错误码的全部信息
help-search = 从任意文本查找错误码和类别：厂商消息、错误码、符号名或关键词
help-table = 迁移对照表：FROM 的每个错误码及其在 TO 中的最佳等价项
help-codes = 列出某个目录的全部错误码及其类别
help-vendors = 列出各目录：id、名称、别名、错误码数量、完全等同的比例
help-kinds = 以树形显示分类体系，以及每个类别下的错误码数量
help-normalize = 把厂商的原始错误响应体转换为统一的规范错误
help-check = 检查目录文件，逐一报告每个问题所在的文件、行和列
help-completions = 输出 shell 自动补全脚本
help-man = 输出手册页（roff 格式）
help-arg-lang = 消息和标签的语言（en、zh-CN、zh-TW）；默认取 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG，否则为 en
help-arg-format = 输出格式：text、json；normalize 另有 problem；table 另有 md、csv、sssom。csv 和 sssom 中，电子表格会当作公式执行的单元格（以 =、+、-、@、制表符或回车开头，代码 -1 也是）按文本写出：加引号，前面加 '
help-arg-color = 何时使用颜色：auto（终端且未设置 NO_COLOR）、always、never
help-arg-catalogs = 从文件或文件夹加载额外的目录（可重复）；也读取 ERRMAP_CATALOGUES
help-arg-translate-reference = 要翻译的错误码，写作 厂商:错误码（如 wilddog:22011 或 wilddog:invalid_user）
help-arg-translate-targets = 要翻译到的目录；省略时为其他所有目录
help-arg-translate-all = 显示所有候选项，而不只是每个目录最好的五个
help-arg-explain-reference = 错误码，写作 厂商:错误码
help-arg-search-text = 要查找的文本：消息、错误码、符号名或关键词
help-arg-search-vendor = 只在这个目录中查找
help-arg-search-limit = 最多显示的结果数
help-arg-table-from = 迁移前使用的目录
help-arg-table-to = 迁移后使用的目录
help-arg-table-min_confidence = 隐藏置信度低于 N（0 到 1）的候选；这些行显示为“没有对应的错误码（已隐藏弱候选）”
help-arg-codes-vendor = 目录的 id 或别名
help-arg-normalize-file = 存放响应体的文件（--jsonl 时为逐行的文件）；省略时读取标准输入
help-arg-normalize-vendor = 响应体来自哪个目录；优先于自动识别
help-arg-normalize-status = 厂商响应的 HTTP 状态码
help-arg-normalize-content_type = 厂商响应的 Content-Type
help-arg-normalize-expose = 披露程度：none、account-status 或 all（默认 all；--format problem 时为 none）
help-arg-normalize-jsonl = 每行一个响应体（或 {"{"}"body", "vendor", "status"{"}"} 记录）；每行输出一个结果
help-arg-normalize-max_body_bytes = 拒绝超过此字节数的响应体
help-arg-check-paths = 目录文件，或包含 *.toml 文件的文件夹
help-arg-check-as_builtin = 把文件当作 errmap 自带的数据（mappings/）检查：只相互比对，不与内置目录比对
help-arg-completions-shell = shell 类型：bash、zsh、fish、powershell 或 elvish

## 错误类型、约定与 JSON 行流

label-children = 更具体的类型
error-unknown-kind = “{ $given }”既不是错误类型，也不是错误码引用（VENDOR:CODE，例如 wilddog:22011）
error-list-kinds = `errmap kinds` 列出所有错误类型
note-locale-fallback = errmap：没有“{ $asked }”的消息；改用 { $used }
error-jsonl-text = --jsonl 每行输出一条 JSON 记录；请去掉 --format，或使用 --format json 或 --format problem
error-search-empty = 没有可搜索的内容；请给出一条消息、错误码、符号或词语
error-line-not-json = 第 { $line } 行不是 JSON
error-line-not-a-body = 第 { $line } 行不是响应体或记录（只是数字、true、false 或 null）
error-line-too-long = 第 { $line } 行有 { $size } 字节，超过上限 { $limit }；如需接受，请调大 --max-body-bytes
error-no-man-page = 没有“{ $given }”的手册页；命令有 { $list }

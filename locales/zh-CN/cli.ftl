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
error-duplicate-catalogue = 目录名“{ $name }”已被占用
error-io = 无法读取 { $path }：{ $message }

## errmap normalize

label-unidentified = 无法识别的错误
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
summary-jsonl = errmap：共 { $lines } 行，已规范化 { $normalized } 行（其中 { $unknown } 行没有已知错误码），出错 { $errors } 行；{ $vendors }
error-format-problem-only = --format problem 只用于 errmap normalize；请使用 text 或 json
error-body-too-large = 响应体有 { $size } 字节，超过上限 { $limit }；如需接受，请调大 --max-body-bytes

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv *.tsv *.txt *.xlsx *.xlsm *.json)</source>
        <translation>联系人文件 (*.vcf *.vcard *.csv *.tsv *.txt *.xlsx *.xlsm *.json)</translation>
    </message>
    <message>
        <source>vCard from a phone (*.vcf *.vcard)</source>
        <translation>手机导出的 vCard (*.vcf *.vcard)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx *.xlsm)</source>
        <translation>Excel (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>CSV (*.csv *.tsv *.txt)</source>
        <translation>CSV (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>relbook archive (*.json)</source>
        <translation>relbook 存档 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About relbook</source>
        <translation>关于 relbook</translation>
    </message>
    <message>
        <source>&lt;b&gt;relbook&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;relbook 客户关系簿&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>A relationship book for salespeople: so that no valuable relationship goes quiet. It works offline and never opens a network connection.</source>
        <translation>为销售人员打造的客户关系簿：不让任何一段有价值的关系冷下来。完全离线工作，从不连接网络。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Proprietary; all rights reserved</source>
        <translation>专有软件，保留所有权利</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建于</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>ActivityReportDialog</name>
    <message>
        <source>Activity report</source>
        <translation>工作报告</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>自定义时段</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Create PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <source>Save the activity report as</source>
        <translation>工作报告另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，没有写入文件。</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>relbook</source>
        <translation>relbook 客户关系簿</translation>
    </message>
    <message>
        <source>The book could not be opened:
%1</source>
        <translation>无法打开客户簿：
%1</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>The backup folder %1 cannot be written; today&apos;s backup went to the data folder.</source>
        <translation>无法写入备份文件夹 %1；今天的备份已保存到数据文件夹。</translation>
    </message>
    <message>
        <source>Today&apos;s backup failed: %1</source>
        <translation>今天的自动备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人数</translation>
    </message>
    <message>
        <source>%1
This file cannot be read.</source>
        <translation>%1
无法读取此文件。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>更改文件夹…</translation>
    </message>
    <message>
        <source>Use the data folder</source>
        <translation>使用数据文件夹</translation>
    </message>
    <message>
        <source>A backup is taken at the first start of each day and before every upgrade, import and restore. Of these, the newest of each of the last days and weeks set here are kept; backups made with Back up now are never deleted.</source>
        <translation>每天首次启动时，以及每次升级、导入和恢复之前，都会自动备份。按下面设置的天数和周数，最近每天、每周各保留最新的一份；用“立即备份”创建的备份永远不会被删除。</translation>
    </message>
    <message>
        <source>Where and how many</source>
        <translation>位置与保留数量</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup saved to %1 (%2).</source>
        <translation>备份已保存到 %1（%2）。</translation>
    </message>
    <message>
        <source>The backup folder %1 cannot be written; the backup went to the data folder.</source>
        <translation>无法写入备份文件夹 %1；备份已保存到数据文件夹。</translation>
    </message>
    <message>
        <source>Restore the book as it was on %1 (%2 contacts)?

The current book is saved as a backup first, so you can go back to it.</source>
        <translation>要将客户簿恢复到 %1 时的状态（%2 位联系人）吗？

恢复前会先把当前客户簿保存为备份，需要时可以再恢复回来。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>BasicTab</name>
    <message>
        <source>e.g. 王总, 李老师 (empty: greetings use the name)</source>
        <translation>例如 王总、李老师（留空则祝福语用姓名）</translation>
    </message>
    <message>
        <source>Insider: helps you from the inside</source>
        <translation>内线：在客户内部帮助你</translation>
    </message>
    <message>
        <source>Has birthday</source>
        <translation>有生日</translation>
    </message>
    <message>
        <source>Separate tags with commas or spaces</source>
        <translation>多个标签用逗号或空格分隔</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Drop a card here to mark it won.</source>
        <translation>把卡片拖到这里，记为赢单。</translation>
    </message>
    <message>
        <source>Drop a card here to mark it lost.</source>
        <translation>把卡片拖到这里，记为丢单。</translation>
    </message>
    <message>
        <source>No opportunities in this stage.</source>
        <translation>此阶段暂无商机。</translation>
    </message>
    <message>
        <source>%1 · weighted %2</source>
        <translation>%1 · 加权 %2</translation>
    </message>
</context>
<context>
    <name>ChangeLevelDialog</name>
    <message>
        <source>Change level</source>
        <translation>调整关系层级</translation>
    </message>
    <message>
        <source>What happened, e.g. agreed to a second meeting</source>
        <translation>发生了什么，例如：同意第二次见面</translation>
    </message>
    <message>
        <source>Current level</source>
        <translation>当前层级</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新层级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Added %1 demo contacts.</source>
        <translation>已添加 %1 个演示联系人。</translation>
    </message>
    <message>
        <source>Added %1 (id %2).</source>
        <translation>已添加 %1（编号 %2）。</translation>
    </message>
    <message>
        <source>Saved %1 (id %2).</source>
        <translation>已保存 %1（编号 %2）。</translation>
    </message>
    <message>
        <source>A thank-you for the deal is due by %1.</source>
        <translation>成交致谢请在 %1 前完成。</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>与 %1</translation>
    </message>
    <message>
        <source>Logged %1 with %2 (id %3).</source>
        <translation>已记录与 %2 的%1（编号 %3）。</translation>
    </message>
    <message>
        <source>Note: &quot;%1&quot; was already given to %2 on %3; saved anyway.</source>
        <translation>提示：%3 已经送过“%1”给 %2；仍已保存。</translation>
    </message>
    <message>
        <source>Recorded gift %1 from %2 (id %3).</source>
        <translation>已记录收到 %2 的礼品 %1（编号 %3）。</translation>
    </message>
    <message>
        <source>Recorded gift %1 for %2 (id %3).</source>
        <translation>已记录送给 %2 的礼品 %1（编号 %3）。</translation>
    </message>
    <message>
        <source>Recorded: %1 referred %2.</source>
        <translation>已记录：%1 介绍了 %2。</translation>
    </message>
    <message>
        <source>Exporting… %3%</source>
        <translation>正在导出… %3%</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
    <message>
        <source>This needs the relbook program (the relbook command), not its CLI alone.</source>
        <translation>这需要 relbook 程序本身（relbook 命令），仅用命令行模块无法完成。</translation>
    </message>
    <message>
        <source>To put it in place of the damaged file (which is kept), run:</source>
        <translation>要用它替换已损坏的文件（损坏的文件会保留），请运行：</translation>
    </message>
    <message>
        <source>relbook: an unexpected error stopped the command (%1).</source>
        <translation>relbook：命令因意外错误而中止（%1）。</translation>
    </message>
    <message>
        <source>The details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Wrote %1 contacts to %2</source>
        <translation>已将 %1 位联系人写入 %2</translation>
    </message>
    <message>
        <source>Wrote the whole book (%1 contacts) to %2</source>
        <translation>已将整个客户簿（%1 位联系人）写入 %2</translation>
    </message>
    <message>
        <source>Backup saved to %1 (%2).</source>
        <translation>备份已保存到 %1（%2）。</translation>
    </message>
    <message>
        <source>Restored the book from %1 (%2 contacts).</source>
        <translation>已从 %1 恢复客户簿（%2 位联系人）。</translation>
    </message>
    <message>
        <source>The previous book was saved to %1</source>
        <translation>原来的客户簿已保存到 %1</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>损坏：%1</translation>
    </message>
    <message>
        <source>Table &quot;%1&quot;, row %2 refers to a row of &quot;%3&quot; that does not exist.</source>
        <translation>表“%1”第 %2 行引用了表“%3”中不存在的行。</translation>
    </message>
    <message>
        <source>--from and --to are only for the activity report; add --format pdf.</source>
        <translation>--from 和 --to 只用于工作报告，请加上 --format pdf。</translation>
    </message>
    <message>
        <source>The activity report covers the whole book: leave out --contact, --search and --tier.</source>
        <translation>工作报告涵盖整个客户簿：请不要使用 --contact、--search 和 --tier。</translation>
    </message>
    <message>
        <source>Wrote the activity report (%1 – %2) to %3</source>
        <translation>已将工作报告（%1 – %2）写入 %3</translation>
    </message>
    <message>
        <source>Wrote the dossier of %1 to %2</source>
        <translation>已将 %1 的客户档案写入 %2</translation>
    </message>
    <message>
        <source>The pipeline report is written as pdf or xlsx; add --format pdf.</source>
        <translation>商机报告只能写成 pdf 或 xlsx；请加上 --format pdf。</translation>
    </message>
    <message>
        <source>The pipeline report covers every opportunity: leave out --contact, --search, --tier and --columns.</source>
        <translation>商机报告包含全部商机：请去掉 --contact、--search、--tier 和 --columns。</translation>
    </message>
    <message>
        <source>Wrote the pipeline report (%1 opportunities, forecast %2 – %3) to %4</source>
        <translation>已将商机报告（%1 个商机，销售预计 %2 – %3）写入 %4</translation>
    </message>
    <message>
        <source>Added %1 on %2 to %3 (id %4).</source>
        <translation>已为 %3（编号 %4）添加%1：%2。</translation>
    </message>
    <message>
        <source>Added %1 (%2, born %3) to the family of %4 (id %5).</source>
        <translation>已将 %1（%2，生于 %3）添加为 %4（编号 %5）的家庭成员。</translation>
    </message>
    <message>
        <source>Added %1 (%2) to the family of %3 (id %4).</source>
        <translation>已将 %1（%2）添加为 %3（编号 %4）的家庭成员。</translation>
    </message>
    <message>
        <source>Nobody is known there yet.</source>
        <translation>这家单位还没有认识的人。</translation>
    </message>
    <message>
        <source>insider</source>
        <translation>内线</translation>
    </message>
    <message>
        <source>reports to %1</source>
        <translation>上级：%1</translation>
    </message>
    <message>
        <source>Gaps:</source>
        <translation>缺口：</translation>
    </message>
    <message>
        <source>No gaps: a decision maker, an insider, a senior and a close relationship are known.</source>
        <translation>没有缺口：决策人、内线、高层和较深的关系都已掌握。</translation>
    </message>
    <message>
        <source>Recorded purchase %1 for %2 (id %3).</source>
        <translation>已记录 %2 购买的 %1（编号 %3）。</translation>
    </message>
    <message>
        <source>The renewal on %1 will be reminded in advance.</source>
        <translation>%1 的续约会提前提醒。</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Columns to import</source>
        <translation>设置导入列</translation>
    </message>
    <message>
        <source>Choose what each column of the sheet holds. Columns set to &quot;Do not import&quot; are left out.</source>
        <translation>请指定表格中每一列的内容。设为“不导入”的列将被略过。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>As recognised</source>
        <translation>恢复自动识别</translation>
    </message>
    <message>
        <source>Go back to the columns relbook recognised</source>
        <translation>恢复为 relbook 自动识别的列</translation>
    </message>
    <message>
        <source>Choose the column that holds the name (or family and given names).</source>
        <translation>请指定姓名所在的列（或姓、名分别所在的列）。</translation>
    </message>
</context>
<context>
    <name>ColumnPicker</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>请至少选择一列。</translation>
    </message>
</context>
<context>
    <name>CompanyMap</name>
    <message>
        <source>No decision maker known</source>
        <translation>还不认识决策人</translation>
    </message>
    <message>
        <source>No insider who helps you</source>
        <translation>没有帮你的内线</translation>
    </message>
    <message>
        <source>Every relationship here is below %1</source>
        <translation>这里的关系都低于 %1</translation>
    </message>
    <message>
        <source>Nobody senior known</source>
        <translation>还不认识高层</translation>
    </message>
</context>
<context>
    <name>CompanyMapWindow</name>
    <message>
        <source>Company map: %1</source>
        <translation>组织结构图：%1</translation>
    </message>
    <message>
        <source>People with no known superior are at the top. Double-click to open one.</source>
        <translation>没有已知上级的人排在最上面。双击可打开联系人。</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>No gaps: a decision maker, an insider, someone senior and a close relationship are known here.</source>
        <translation>没有缺口：这里的决策人、内线、高层和较深的关系都已掌握。</translation>
    </message>
    <message>
        <source>The company map could not be read: %1</source>
        <translation>无法读取组织结构图：%1</translation>
    </message>
    <message>
        <source>Insider</source>
        <translation>内线</translation>
    </message>
    <message>
        <source>Nobody is known at this company yet.</source>
        <translation>这家单位还没有认识的人。</translation>
    </message>
    <message>
        <source>%1 and %3: %2</source>
        <translation>%1 与 %3：%2</translation>
    </message>
    <message>
        <source>Other links: %1</source>
        <translation>其他关系：%1</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>投缘细节</translation>
    </message>
    <message>
        <source>Family &amp;&amp; dates</source>
        <translation>家人与纪念日</translation>
    </message>
    <message>
        <source>Choose why the customer was lost.</source>
        <translation>请选择客户流失的原因。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Next birthday</source>
        <translation>下次生日</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 days past the %2-day cadence</source>
        <translation>已超过 %2 天的联络周期 %1 天</translation>
    </message>
</context>
<context>
    <name>ContactPane</name>
    <message>
        <source>Select a contact, or press Ctrl+N to add one.</source>
        <translation>请选择一位联系人，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Change level…</source>
        <translation>调整层级…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Change level</source>
        <translation>调整关系层级</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>投缘细节</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Who is known at this company, how they stand, and what is missing</source>
        <translation>这家单位认识谁、彼此什么关系、还缺什么</translation>
    </message>
    <message>
        <source>Log…</source>
        <translation>记录往来…</translation>
    </message>
    <message>
        <source>Log a visit, call or meal (Ctrl+L)</source>
        <translation>记录拜访、电话或饭局（Ctrl+L）</translation>
    </message>
    <message>
        <source>Dossier PDF…</source>
        <translation>客户档案 PDF…</translation>
    </message>
    <message>
        <source>Everything about this contact, to read before a visit</source>
        <translation>该联系人的全部资料，适合拜访前阅读</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>往来时间线</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系人脉</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Salutation: %1</source>
        <translation>称呼：%1</translation>
    </message>
    <message>
        <source>Company map of %1</source>
        <translation>%1 的组织结构图</translation>
    </message>
    <message>
        <source>not watched (lost customer)</source>
        <translation>不提醒（已流失客户）</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>每 %1 天</translation>
    </message>
    <message>
        <source>Stay in touch</source>
        <translation>联络周期</translation>
    </message>
    <message>
        <source>Next birthday</source>
        <translation>下次生日</translation>
    </message>
    <message>
        <source>Level history</source>
        <translation>层级变化记录</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>set for this contact</source>
        <translation>为此联系人单独设置</translation>
    </message>
    <message>
        <source>default for tier %1</source>
        <translation>按 %1 级客户的默认值</translation>
    </message>
    <message>
        <source>default for the stage %1</source>
        <translation>按客户阶段“%1”的默认值</translation>
    </message>
    <message>
        <source>not rated (answer all five importance questions)</source>
        <translation>未评级（回答全部五个重要度问题后得出）</translation>
    </message>
    <message>
        <source>%1 (importance %2 of 25)</source>
        <translation>%1（重要度 %2 / 25）</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>relbook</source>
        <translation>relbook</translation>
    </message>
    <message>
        <source>Something went wrong that relbook did not expect. What you saved before is safe: every change is written whole or not at all.

The details (without any contact&apos;s data) were written to:
%1

Please send that file to support so it can be fixed.</source>
        <translation>relbook 遇到了意外错误。之前保存的内容都是安全的：每次更改要么完整写入，要么完全不写入。

详细信息（不含任何联系人的数据）已写入：
%1

请将该文件发送给技术支持，以便修复问题。</translation>
    </message>
</context>
<context>
    <name>DateText</name>
    <message>
        <source>leap %1</source>
        <translation>闰%1</translation>
    </message>
    <message>
        <source>Lunar %1</source>
        <translation>农历 %1</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>next: %1</source>
        <translation>下次：%1</translation>
    </message>
</context>
<context>
    <name>DealBoard</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>赢单…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>丢单…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Out of funnel</source>
        <translation>漏斗外</translation>
    </message>
    <message>
        <source>weighted %1</source>
        <translation>加权 %1</translation>
    </message>
    <message>
        <source>%1 d in stage</source>
        <translation>本阶段 %1 天</translation>
    </message>
    <message>
        <source>Won %1</source>
        <translation>%1 赢单</translation>
    </message>
    <message>
        <source>Lost %1</source>
        <translation>%1 丢单</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>未定成交日期</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>预计 %1 成交</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>已过预计成交日：%1</translation>
    </message>
</context>
<context>
    <name>DealCli</name>
    <message>
        <source>Moved %1 (id %2) to %3 on %4.</source>
        <translation>已于 %4 将 %1（编号 %2）推进到“%3”。</translation>
    </message>
    <message>
        <source>%1 (id %2) is already in %3.</source>
        <translation>%1（编号 %2）已处于“%3”。</translation>
    </message>
    <message>
        <source>Won %1 (id %2): recorded the purchase of %3 yuan by %4.</source>
        <translation>已赢单 %1（编号 %2）：已记录 %4 购买 %3 元。</translation>
    </message>
    <message>
        <source>Marked %1 (id %2) lost on %3: %4.</source>
        <translation>已将 %1（编号 %2）记为 %3 丢单：%4。</translation>
    </message>
    <message>
        <source>%1 is %2 in %3 (id %4).</source>
        <translation>%1 在 %3（编号 %4）中的角色：%2。</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>out of the funnel</source>
        <translation>漏斗外</translation>
    </message>
    <message>
        <source>(since %1, %2 days)</source>
        <translation>（自 %1 起，%2 天）</translation>
    </message>
    <message>
        <source>Buying centre</source>
        <translation>采购小组</translation>
    </message>
    <message>
        <source>No decision maker known</source>
        <translation>尚不知道决策人</translation>
    </message>
    <message>
        <source>No insider</source>
        <translation>没有内线</translation>
    </message>
    <message>
        <source>History</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <source>Sales forecast %1 to %2</source>
        <translation>销售预计 %1 至 %2</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Pipeline (weighted)</source>
        <translation>漏斗（加权）</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>销售预计</translation>
    </message>
    <message>
        <source>%1 (a week ago: %2)</source>
        <translation>%1（一周前：%2）</translation>
    </message>
    <message>
        <source>Progress this week</source>
        <translation>本周销售进展</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>Entered %1</source>
        <translation>进入%1</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>赢单…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>丢单…</translation>
    </message>
    <message>
        <source>Mark as won: record the purchase and the thank-you</source>
        <translation>记为赢单：记录购买并安排致谢</translation>
    </message>
    <message>
        <source>Mark as lost, with why</source>
        <translation>记为丢单，并写明原因</translation>
    </message>
    <message>
        <source>What is being sold, e.g. 2027 server renewal</source>
        <translation>卖什么，例如：2027 年服务器续约</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已定</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Importance of this project</source>
        <translation>本项目重要度</translation>
    </message>
    <message>
        <source>Scored in reverse: 5 is a very risky project and counts least.</source>
        <translation>反向计分：5 表示项目风险很大，计分最低。</translation>
    </message>
    <message>
        <source>Buying centre</source>
        <translation>采购决策圈</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Insider</source>
        <translation>内线</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>关系层级</translation>
    </message>
    <message>
        <source>Name of a contact to add</source>
        <translation>输入要添加的联系人姓名</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段记录</translation>
    </message>
    <message>
        <source>Starts in its stage today.</source>
        <translation>今天进入所选阶段。</translation>
    </message>
    <message>
        <source>A closed opportunity keeps its stage.</source>
        <translation>已结束的商机保留原阶段。</translation>
    </message>
    <message>
        <source>Why it was lost: %1</source>
        <translation>丢单原因：%1</translation>
    </message>
    <message>
        <source>Add the people involved: at least one contact.</source>
        <translation>请添加相关人员：至少一位联系人。</translation>
    </message>
    <message>
        <source>No decision maker known.</source>
        <translation>尚不知道决策人。</translation>
    </message>
    <message>
        <source>No insider (内线) known.</source>
        <translation>尚无内线。</translation>
    </message>
</context>
<context>
    <name>DealTable</name>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Out of the funnel: not counted in the pipeline.</source>
        <translation>漏斗外：不计入销售管道。</translation>
    </message>
    <message>
        <source>out of funnel</source>
        <translation>漏斗外</translation>
    </message>
</context>
<context>
    <name>DealWords</name>
    <message>
        <source>Customer analysis</source>
        <translation>客户分析</translation>
    </message>
    <message>
        <source>Building trust</source>
        <translation>建立信任</translation>
    </message>
    <message>
        <source>Uncovering needs</source>
        <translation>挖掘需求</translation>
    </message>
    <message>
        <source>Presenting value</source>
        <translation>呈现价值</translation>
    </message>
    <message>
        <source>Winning commitment</source>
        <translation>赢取承诺</translation>
    </message>
    <message>
        <source>Collecting payment</source>
        <translation>回收账款</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>没有预算</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>迟迟不决策</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时机不对</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系不到位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Insider</source>
        <translation>内线</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>学习所得</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>DealsPage</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>All, won and lost too</source>
        <translation>全部（含赢单和丢单）</translation>
    </message>
    <message>
        <source>Which opportunities</source>
        <translation>显示哪些商机</translation>
    </message>
    <message>
        <source>Filter by title, company or contact</source>
        <translation>按商机名称、单位或联系人筛选</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>销售预计</translation>
    </message>
    <message>
        <source>Show or hide the sales forecast</source>
        <translation>显示或隐藏销售预计</translation>
    </message>
    <message>
        <source>Opportunity added.</source>
        <translation>商机已添加。</translation>
    </message>
    <message>
        <source>Opportunity saved.</source>
        <translation>商机已保存。</translation>
    </message>
    <message>
        <source>“%1” moved to %2.</source>
        <translation>“%1”已移到%2。</translation>
    </message>
    <message>
        <source>Marked as won: the purchase is recorded; thank them within two days.</source>
        <translation>已记为赢单：购买已记录，请在两天内致谢。</translation>
    </message>
    <message>
        <source>Marked as lost.</source>
        <translation>已记为丢单。</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>删除商机</translation>
    </message>
    <message>
        <source>Delete “%1”? Its purchases stay recorded.</source>
        <translation>删除“%1”？已记录的购买保留。</translation>
    </message>
    <message>
        <source>Opportunity deleted.</source>
        <translation>商机已删除。</translation>
    </message>
</context>
<context>
    <name>DealsSection</name>
    <message>
        <source>Opportunity and role</source>
        <translation>商机与角色</translation>
    </message>
    <message>
        <source>Stage and status</source>
        <translation>阶段与状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>No opportunities with this contact yet.</source>
        <translation>与此联系人还没有商机。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Bought on</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约日期</translation>
    </message>
    <message>
        <source>No purchases recorded yet.</source>
        <translation>还没有记录购买。</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Record purchase…</source>
        <translation>记录购买…</translation>
    </message>
    <message>
        <source>What they bought; adds the thank-you and the renewal reminder</source>
        <translation>记录客户买了什么；同时添加致谢和续约提醒</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>In all: %1 CNY</source>
        <translation>合计：%1 元</translation>
    </message>
    <message>
        <source>%1 · expected %2</source>
        <translation>%1 · 预计 %2</translation>
    </message>
    <message>
        <source>no role yet</source>
        <translation>尚未指定角色</translation>
    </message>
    <message>
        <source>Purchase recorded.</source>
        <translation>已记录购买。</translation>
    </message>
    <message>
        <source>Delete the purchase &quot;%1&quot; of %2?</source>
        <translation>删除 %2 的购买记录“%1”？</translation>
    </message>
    <message>
        <source>Its renewal reminder is removed too.</source>
        <translation>它的续约提醒也会一并删除。</translation>
    </message>
    <message>
        <source>Delete purchase</source>
        <translation>删除购买记录</translation>
    </message>
</context>
<context>
    <name>DossierExport</name>
    <message>
        <source>Save the dossier as</source>
        <translation>客户档案另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Dossier PDF</source>
        <translation>客户档案 PDF</translation>
    </message>
    <message>
        <source>The dossier could not be made: %1</source>
        <translation>无法生成客户档案：%1</translation>
    </message>
</context>
<context>
    <name>DuplicatePairsModel</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>May be the same as</source>
        <translation>可能与之重复</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>How likely</source>
        <translation>可能性</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>%1 likely and %2 possible duplicate pairs.</source>
        <translation>%1 对很可能重复，%2 对可能重复。</translation>
    </message>
    <message>
        <source>Merged %3 (#%4) into %1 (#%2); %3 is in the trash, and restoring it from there undoes the merge.</source>
        <translation>已将 %3（#%4）合并到 %1（#%2）；%3 已移入回收站，从回收站恢复即可撤销合并。</translation>
    </message>
    <message>
        <source>%1 and %2 are no longer listed as duplicates.</source>
        <translation>%1 和 %2 不再列为重复。</translation>
    </message>
    <message>
        <source>same mobile</source>
        <translation>手机号相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name and company</source>
        <translation>姓名和单位相同</translation>
    </message>
    <message>
        <source>name reads the same, one character differs</source>
        <translation>姓名读音相同，仅一字不同</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>可能</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复联系人</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Show possible pairs (similar names)</source>
        <translation>同时显示可能重复的（姓名相近）</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>Merging keeps everything from both: the kept contact gets the other&apos;s phones, tags, family, special days and whole history, and its empty fields are filled from the other. The other goes to the trash; restoring it from there undoes the merge.</source>
        <translation>合并会保留两人的全部信息：保留的联系人获得另一人的电话、标签、家人、纪念日和全部往来记录，其空白字段由另一人补上。另一人移入回收站；从回收站恢复即可撤销合并。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>不是重复</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复联系人…</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>查找已取消。</translation>
    </message>
    <message>
        <source>No likely duplicates in the book.</source>
        <translation>通讯录中没有疑似重复的联系人。</translation>
    </message>
    <message>
        <source>%1 likely and %2 possible duplicate pairs.</source>
        <translation>%1 对很可能重复，%2 对可能重复。</translation>
    </message>
    <message>
        <source>One of the two is no longer in the book.</source>
        <translation>两人中有一人已不在通讯录中。</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Expiries</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>%1 was merged into %2. %1 is in the trash: restore it there to undo the merge.</source>
        <translation>%1 已合并到 %2。%1 已移入回收站：在回收站中恢复即可撤销合并。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1不能为空。</translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters).</source>
        <translation>%1太长（最多 %2 个字符）。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of the allowed values.</source>
        <translation>%1：“%2”不是可选的值。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an email address.</source>
        <translation>%1：“%2”不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a phone number.</source>
        <translation>%1：“%2”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a QQ number (5 to 12 digits).</source>
        <translation>%1：“%2”不是有效的 QQ 号（5 到 12 位数字）。</translation>
    </message>
    <message>
        <source>%1: there is no month %2.</source>
        <translation>%1：没有 %2 月。</translation>
    </message>
    <message>
        <source>%1: %2 does not exist.</source>
        <translation>%1：%2 这一天不存在。</translation>
    </message>
    <message>
        <source>%1: only lunar dates have leap months.</source>
        <translation>%1：只有农历日期才有闰月。</translation>
    </message>
    <message>
        <source>%1: year %2 is out of range.</source>
        <translation>%1：年份 %2 超出范围。</translation>
    </message>
    <message>
        <source>%1: a lunar month has no day %2.</source>
        <translation>%1：农历月份没有第 %2 天。</translation>
    </message>
    <message>
        <source>%1: %2 is outside the days relbook can compute (%3 to %4).</source>
        <translation>%1：%2 超出了 relbook 能计算的日期范围（%3 至 %4）。</translation>
    </message>
    <message>
        <source>%1: lunar dates are supported from %3 to %4, not %2.</source>
        <translation>%1：农历日期支持 %3 到 %4 年，不支持 %2 年。</translation>
    </message>
    <message>
        <source>%1: lunar year %2 has no leap month %3.</source>
        <translation>%1：农历 %2 年没有闰 %3 月。</translation>
    </message>
    <message>
        <source>%1: lunar month %3 of %2 has only %4 days, so day %5 does not exist.</source>
        <translation>%1：农历 %2 年 %3 月只有 %4 天，没有第 %5 天。</translation>
    </message>
    <message>
        <source>%1: a one-time date needs a year.</source>
        <translation>%1：仅一次的日子必须填写年份。</translation>
    </message>
    <message>
        <source>%1: a custom date needs a name.</source>
        <translation>%1：自定义的日子需要一个名称。</translation>
    </message>
    <message>
        <source>%1: a contact has only one birthday.</source>
        <translation>%1：一个联系人只能有一个生日。</translation>
    </message>
    <message>
        <source>%1: every family member needs a name.</source>
        <translation>%1：每位家庭成员都需要填写姓名。</translation>
    </message>
    <message>
        <source>%1: a contact cannot refer themselves.</source>
        <translation>%1：联系人不能介绍自己。</translation>
    </message>
    <message>
        <source>%1: both are the same contact; choose two.</source>
        <translation>%1：两者是同一个联系人，请选择两个不同的联系人。</translation>
    </message>
    <message>
        <source>%1: no contact with id %2.</source>
        <translation>%1：没有编号为 %2 的联系人。</translation>
    </message>
    <message>
        <source>%1 has the wrong kind of value.</source>
        <translation>%1的值类型不正确。</translation>
    </message>
    <message>
        <source>%1 must be at least %2.</source>
        <translation>%1不能小于 %2。</translation>
    </message>
    <message>
        <source>%1 must be at most %2.</source>
        <translation>%1不能大于 %2。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date; write YYYY-MM-DD, or --MM-DD without a year.</source>
        <translation>%1：“%2”不是日期；请写成 YYYY-MM-DD，不知道年份时写成 --MM-DD。</translation>
    </message>
    <message>
        <source>%1: --lunar and --leap need --birthday.</source>
        <translation>%1：--lunar 和 --leap 需要与 --birthday 一起使用。</translation>
    </message>
    <message>
        <source>%1: %2 is after today; nobody can be born on a day still to come.</source>
        <translation>%1：%2 晚于今天，出生日期不能在将来。</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;%3&quot; is not five answers from 1 to 5; write them separated by commas in this order: near-term size, future size, profit, risk, strategic value (e.g. 4,3,5,2,4).</source>
        <translation>%1（%2）：“%3”不是五个 1 到 5 的评分；请按近期业务量、未来业务量、利润、风险、战略价值的顺序用逗号分隔填写（例如 4,3,5,2,4）。</translation>
    </message>
    <message>
        <source>%1: %2 is after today.</source>
        <translation>%1：%2 晚于今天。</translation>
    </message>
    <message>
        <source>A move to lost (--stage lost) needs --lost-reason, one of: %2.</source>
        <translation>改为流失（--stage lost）需要 --lost-reason，可选：%2。</translation>
    </message>
    <message>
        <source>--lost-reason and --lost-note go only with a move to lost (--stage lost).</source>
        <translation>--lost-reason 和 --lost-note 只能在改为流失（--stage lost）时使用。</translation>
    </message>
    <message>
        <source>%1: %2 is before the day of the purchase.</source>
        <translation>%1：%2 早于购买日期。</translation>
    </message>
    <message>
        <source>%1: a custom day needs its name, --title.</source>
        <translation>%1：自定义的日子需要名称，请用 --title 填写。</translation>
    </message>
    <message>
        <source>%1: this contact already has one (%2); change it with &quot;contact edit --birthday&quot;.</source>
        <translation>%1：这位联系人已有生日（%2）；如需修改，请用“contact edit --birthday”。</translation>
    </message>
    <message>
        <source>%1: this contact already has this day (%2).</source>
        <translation>%1：这位联系人已有这个日子（%2）。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is already recorded in this contact&apos;s family.</source>
        <translation>%1：“%2”已在这位联系人的家庭成员中。</translation>
    </message>
    <message>
        <source>%1: a due date needs a next step to do.</source>
        <translation>%1：填写截止时间时也要写明下一步做什么。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an amount; write a number such as 388 or 1,280.50.</source>
        <translation>%1：“%2”不是金额；请填写数字，例如 388 或 1,280.50。</translation>
    </message>
    <message>
        <source>%1 is not one of this contact&apos;s family members.</source>
        <translation>%1不是该联系人的家庭成员。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a time of day; write HH:MM.</source>
        <translation>%1：“%2”不是时间；请写成 HH:MM。</translation>
    </message>
    <message>
        <source>%1: this contact already stands above the referrer in the referral tree.</source>
        <translation>%1：在转介绍关系中，该联系人已经是介绍人的上游。</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;%3&quot; is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM.</source>
        <translation>%1（%2）：“%3”不是日期；请写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM。</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;%3&quot; is not a date; write YYYY-MM-DD.</source>
        <translation>%1（%2）：“%3”不是日期；请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a family member of this contact (family: %3).</source>
        <translation>%1：“%2”不是该联系人的家庭成员（家庭成员：%3）。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a family member; this contact has none recorded.</source>
        <translation>%1：“%2”不是家庭成员；该联系人没有记录家庭成员。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: importing JSON is not supported yet; use vCard, CSV or Excel.</source>
        <translation>%1“%2”：暂不支持导入 JSON；请使用 vCard、CSV 或 Excel。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: unknown format; vCard (.vcf), CSV (.csv) and Excel (.xlsx) files can be imported.</source>
        <translation>%1“%2”：无法识别的格式；可以导入 vCard（.vcf）、CSV（.csv）和 Excel（.xlsx）文件。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is empty.</source>
        <translation>%1“%2”是空的。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is neither a text file nor a workbook.</source>
        <translation>%1“%2”既不是文本文件也不是表格文件。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be decoded; try another encoding, for example GBK.</source>
        <translation>%1“%2”无法解码；请换一种编码试试，例如 GBK。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a readable CSV file (line %3).</source>
        <translation>%1“%2”不是可读取的 CSV 文件（第 %3 行）。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a readable Excel workbook.</source>
        <translation>%1“%2”不是可读取的 Excel 工作簿。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is an old Excel .xls file; save it as .xlsx first.</source>
        <translation>%1“%2”是旧版 Excel .xls 文件；请先另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; holds no contacts that can be imported.</source>
        <translation>%1“%2”中没有可以导入的联系人。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be read: %3</source>
        <translation>无法读取%1“%2”：%3</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be written: %3</source>
        <translation>无法写入%1“%2”：%3</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not readable JSON; it may be damaged or cut off.</source>
        <translation>%1“%2”不是可读取的 JSON；文件可能已损坏或不完整。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a relbook archive.</source>
        <translation>%1“%2”不是 relbook 存档。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; was written by a newer relbook (archive version %3); update relbook first.</source>
        <translation>%1“%2”由更新版本的 relbook 写入（存档版本 %3）；请先升级 relbook。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is damaged: a row of table &quot;%3&quot; has no &quot;%4&quot;.</source>
        <translation>%1“%2”已损坏：表“%3”中有一行缺少“%4”。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is damaged: table &quot;%3&quot; holds a wrong value in &quot;%4&quot;.</source>
        <translation>%1“%2”已损坏：表“%3”的“%4”中有错误的值。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is damaged: its rows break the rules of a book.</source>
        <translation>%1“%2”已损坏：其中的数据不符合客户簿的规则。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: the copy of table &quot;%3&quot; does not match the archive.</source>
        <translation>%1“%2”：表“%3”的复制结果与存档不一致。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: an archive can be copied only into an empty book.</source>
        <translation>%1“%2”：存档只能复制到空的客户簿。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: a JSON archive always holds the whole book; leave out --search, --tier and --contact.</source>
        <translation>%1“%2”：JSON 存档总是包含整个客户簿；请不要使用 --search、--tier 和 --contact。</translation>
    </message>
    <message>
        <source>%1: no such column: %2. The columns are: %3.</source>
        <translation>%1：没有 %2 这一列。可用的列有：%3。</translation>
    </message>
    <message>
        <source>%1: the column &quot;%2&quot; is listed twice.</source>
        <translation>%1：“%2”列出现了两次。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a festival of this book. The festivals are: %3.</source>
        <translation>%1：“%2”不是本客户簿中的节日。可用的节日有：%3。</translation>
    </message>
    <message>
        <source>%1: the calendar tables hold no day of this festival in %2.</source>
        <translation>%1：历法表中没有该节日在 %2 年的日期。</translation>
    </message>
    <message>
        <source>%1: only CSV and Excel (xlsx) exports have columns to choose, not %2.</source>
        <translation>%1：只有导出 CSV 和 Excel（xlsx）时才能选择列，%2 不支持。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; does not exist; it may have been moved or deleted.</source>
        <translation>%1“%2”不存在，可能已被移动或删除。</translation>
    </message>
    <message>
        <source>&quot;%2&quot; is not a relbook backup: it is not a database file.</source>
        <translation>“%2”不是 relbook 备份：它不是数据库文件。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is damaged and cannot be restored (%3).</source>
        <translation>%1“%2”已损坏，无法恢复（%3）。</translation>
    </message>
    <message>
        <source>&quot;%2&quot; is a database of another program, not a relbook book.</source>
        <translation>“%2”是其他程序的数据库，不是 relbook 客户簿。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; comes from a newer relbook (schema %3); update relbook first.</source>
        <translation>%1“%2”来自更新版本的 relbook（数据结构版本 %3）；请先升级 relbook。</translation>
    </message>
    <message>
        <source>No backup could be written to &quot;%2&quot;: %3</source>
        <translation>无法将备份写入“%2”：%3</translation>
    </message>
    <message>
        <source>No backup could be written to &quot;%2&quot;: the disk is full.</source>
        <translation>无法将备份写入“%2”：磁盘已满。</translation>
    </message>
    <message>
        <source>Backups cannot be written to the folder &quot;%2&quot; (%3).</source>
        <translation>无法在文件夹“%2”中写入备份（%3）。</translation>
    </message>
    <message>
        <source>&quot;%2&quot; is the book itself; choose another file for the backup.</source>
        <translation>“%2”就是客户簿本身；请为备份另选一个文件。</translation>
    </message>
    <message>
        <source>The book in &quot;%2&quot; could not be replaced (%3); it was not changed.</source>
        <translation>无法替换“%2”中的客户簿（%3）；客户簿没有任何改动。</translation>
    </message>
    <message>
        <source>There is no book at &quot;%2&quot; yet.</source>
        <translation>“%2”中还没有客户簿。</translation>
    </message>
    <message>
        <source>This card cannot be read: %2</source>
        <translation>无法读取这张名片：%2</translation>
    </message>
    <message>
        <source>The file ends inside this card; what was read is imported.</source>
        <translation>文件在这张名片中间结束；已导入读取到的部分。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a stage of the funnel. The stages are: %3.</source>
        <translation>%1：“%2”不是漏斗中的阶段。可用的阶段：%3。</translation>
    </message>
    <message>
        <source>%1: an opportunity needs at least one contact in its buying centre.</source>
        <translation>%1：商机的采购小组中至少要有一位联系人。</translation>
    </message>
    <message>
        <source>%1: there is no organization with id %2.</source>
        <translation>%1：没有编号为 %2 的单位。</translation>
    </message>
    <message>
        <source>%1: this opportunity is already closed (%2); only open ones can change.</source>
        <translation>%1：此商机已结束（%2）；只有进行中的商机可以更改。</translation>
    </message>
    <message>
        <source>%1: the opportunity has been in its stage only since %2.</source>
        <translation>%1：此商机自 %2 起才处于当前阶段。</translation>
    </message>
    <message>
        <source>%1: say why the opportunity was lost, one of: %2.</source>
        <translation>%1：请说明丢单原因，可选：%2。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a reason for a lost opportunity; use one of: %3.</source>
        <translation>%1：“%2”不是丢单原因；请使用以下之一：%3。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a role; use one of: %3.</source>
        <translation>%1：“%2”不是角色；请使用以下之一：%3。</translation>
    </message>
    <message>
        <source>%1: contact %2 is not in this opportunity&apos;s buying centre.</source>
        <translation>%1：联系人 %2 不在此商机的采购小组中。</translation>
    </message>
    <message>
        <source>%1: the stage &quot;%2&quot; cannot be removed: opportunities stand in it or passed through it.</source>
        <translation>%1：无法删除阶段“%2”：有商机正处于或经过该阶段。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a stage code; use lowercase letters, digits and _.</source>
        <translation>%1：“%2”不是有效的阶段代码；请使用小写字母、数字和 _。</translation>
    </message>
    <message>
        <source>%1: the stage &quot;%2&quot; is listed twice.</source>
        <translation>%1：阶段“%2”出现了两次。</translation>
    </message>
    <message>
        <source>%1: the period ends before it begins (%2).</source>
        <translation>%1：期间的结束日期早于开始日期（%2）。</translation>
    </message>
    <message>
        <source>%1 (%2): &quot;%3&quot; is not an amount; write a number of yuan such as 120000.</source>
        <translation>%1（%2）：“%3”不是金额；请填写以元为单位的数字，例如 120000。</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
    <message>
        <source>the text is longer than %1 characters</source>
        <translation>文字超过 %1 个字符</translation>
    </message>
    <message>
        <source>a value the book does not allow</source>
        <translation>联系簿不允许的值</translation>
    </message>
    <message>
        <source>%1 is outside the days relbook can compute (1900-01-01 to 2100-12-31)</source>
        <translation>%1 超出了 relbook 能计算的日期范围（1900-01-01 至 2100-12-31）</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 这一天不存在</translation>
    </message>
    <message>
        <source>a contact cannot refer themselves</source>
        <translation>联系人不能介绍自己</translation>
    </message>
    <message>
        <source>the referrals go round in a loop (a contact above themselves)</source>
        <translation>介绍关系形成了循环（联系人排在自己上面）</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is damaged: table &quot;%3&quot;, row %4, column &quot;%5&quot;: %6.</source>
        <translation>%1“%2”已损坏：表“%3”第 %4 行的“%5”列：%6。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several companies; write the whole name:</source>
        <translation>“%1”匹配到多家单位，请写出完整名称：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several contacts; use an id:</source>
        <translation>“%1”对应多个联系人，请使用编号：</translation>
    </message>
    <message>
        <source>No opportunity with id %1.</source>
        <translation>没有编号为 %1 的商机。</translation>
    </message>
    <message>
        <source>No purchase with id %1.</source>
        <translation>没有编号为 %1 的购买记录。</translation>
    </message>
    <message>
        <source>No interaction with id %1.</source>
        <translation>没有编号为 %1 的往来记录。</translation>
    </message>
    <message>
        <source>No gift with id %1.</source>
        <translation>没有编号为 %1 的礼品记录。</translation>
    </message>
    <message>
        <source>No gift idea with id %1.</source>
        <translation>没有编号为 %1 的礼品构想。</translation>
    </message>
    <message>
        <source>No task with id %1.</source>
        <translation>没有编号为 %1 的任务。</translation>
    </message>
    <message>
        <source>No festival &quot;%1&quot;.</source>
        <translation>没有节日“%1”。</translation>
    </message>
    <message>
        <source>No stage &quot;%1&quot; in the funnel.</source>
        <translation>漏斗中没有阶段“%1”。</translation>
    </message>
    <message>
        <source>No contact found for &quot;%1&quot;.</source>
        <translation>找不到“%1”对应的联系人。</translation>
    </message>
    <message>
        <source>No company found for &quot;%1&quot;.</source>
        <translation>找不到单位“%1”。</translation>
    </message>
    <message>
        <source>Nothing found for &quot;%1&quot;.</source>
        <translation>找不到“%1”。</translation>
    </message>
    <message>
        <source>The book %1 could not be upgraded for this version of relbook, so the upgrade was undone and the book is exactly as it was. To keep working with it, go back to the relbook version you used before, and send the log in the data folder&apos;s logs folder to support.</source>
        <translation>无法将客户簿 %1 升级到当前版本的 relbook，因此升级已撤销，客户簿保持原样。如需继续使用，请换回之前使用的 relbook 版本，并将数据文件夹中 logs 文件夹里的日志发送给技术支持。</translation>
    </message>
    <message>
        <source>A copy taken before the upgrade is %1.</source>
        <translation>升级前保存的副本为 %1。</translation>
    </message>
    <message>
        <source>relbook is already working on the book in %1 (process %2). Close its window, or wait for the other command to finish, then try again.</source>
        <translation>relbook 正在处理 %1 中的客户簿（进程 %2）。请关闭它的窗口，或等另一个命令执行完毕，然后重试。</translation>
    </message>
    <message>
        <source>relbook is already working on the book in %1. Close its window, or wait for the other command to finish, then try again.</source>
        <translation>relbook 正在处理 %1 中的客户簿。请关闭它的窗口，或等另一个命令执行完毕，然后重试。</translation>
    </message>
    <message>
        <source>The book %1 is busy: another program is using it. Nothing was changed; close the other program (or wait a moment) and try again.</source>
        <translation>客户簿 %1 正忙：另一个程序正在使用它。没有做任何更改；请关闭该程序（或稍等片刻）后重试。</translation>
    </message>
    <message>
        <source>The disk holding the book %1 is full. Nothing was changed; free some space and try again.</source>
        <translation>存放客户簿 %1 的磁盘已满。没有做任何更改；请腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>The book %1 cannot be written: the file or its folder is read-only. Nothing was changed.</source>
        <translation>无法写入客户簿 %1：文件或其所在文件夹是只读的。没有做任何更改。</translation>
    </message>
    <message>
        <source>The book %1 cannot be opened: the file or its folder is missing or cannot be created. Check that the drive is connected.</source>
        <translation>无法打开客户簿 %1：文件或其所在文件夹不存在，也无法创建。请检查驱动器是否已连接。</translation>
    </message>
    <message>
        <source>The book&apos;s folder %1 does not exist and cannot be created. Check that the drive is connected, or choose another folder with --data-dir or RELBOOK_HOME.</source>
        <translation>客户簿所在的文件夹 %1 不存在，也无法创建。请检查驱动器是否已连接，或用 --data-dir 或 RELBOOK_HOME 指定其他文件夹。</translation>
    </message>
    <message>
        <source>The disk failed to read or write the book %1. Nothing was changed; check the drive and try again.</source>
        <translation>读写客户簿 %1 时磁盘出错。没有做任何更改；请检查驱动器后重试。</translation>
    </message>
    <message>
        <source>The book %1 is damaged. Quit relbook; at the next start it offers to restore the newest good backup.</source>
        <translation>客户簿 %1 已损坏。请退出 relbook；下次启动时它会提示恢复最新的完好备份。</translation>
    </message>
    <message>
        <source>The book %1 could not be read or written.</source>
        <translation>无法读写客户簿 %1。</translation>
    </message>
    <message>
        <source>The book file %1 is damaged; relbook has left it exactly as it is.</source>
        <translation>客户簿文件 %1 已损坏；relbook 没有对它做任何改动。</translation>
    </message>
    <message>
        <source>The newest good backup is %1.</source>
        <translation>最新的完好备份是 %1。</translation>
    </message>
    <message>
        <source>No good backup of it was found.</source>
        <translation>没有找到它的完好备份。</translation>
    </message>
</context>
<context>
    <name>ExpiryDialog</name>
    <message>
        <source>Add an expiry date</source>
        <translation>添加到期日</translation>
    </message>
    <message>
        <source>e.g. car insurance, policy no. 8812</source>
        <translation>例如：车险，保单号 8812</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>What expires</source>
        <translation>到期项目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>提前提醒</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV，可用 Excel 打开（.csv）</translation>
    </message>
    <message>
        <source>PDF contact list report (.pdf)</source>
        <translation>PDF 客户名单报表（.pdf）</translation>
    </message>
    <message>
        <source>vCard 3.0 for phones (.vcf)</source>
        <translation>vCard 3.0，导入手机（.vcf）</translation>
    </message>
    <message>
        <source>vCard 4.0 (.vcf)</source>
        <translation>vCard 4.0（.vcf）</translation>
    </message>
    <message>
        <source>Birthdays and follow-ups calendar (.ics)</source>
        <translation>生日与跟进日历（.ics）</translation>
    </message>
    <message>
        <source>The %1 contacts in the list</source>
        <translation>列表中的 %1 位联系人</translation>
    </message>
    <message>
        <source>The %1 selected contacts</source>
        <translation>选中的 %1 位联系人</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入文件。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>FamilyEditor</name>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>School, interests, anything worth remembering</source>
        <translation>学校、兴趣，任何值得记住的事</translation>
    </message>
    <message>
        <source>Has birthday</source>
        <translation>有生日</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未填姓名）</translation>
    </message>
</context>
<context>
    <name>FamilyTab</name>
    <message>
        <source>Other special dates</source>
        <translation>其他特殊日子</translation>
    </message>
</context>
<context>
    <name>FestivalEditor</name>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Last day of the month (like New Year&apos;s Eve)</source>
        <translation>该月最后一天（如除夕）</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Remind me of this festival</source>
        <translation>提醒我这个节日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Greet contacts who are (leave a row empty for everyone):</source>
        <translation>问候符合以下条件的联系人（某行不选则不限）：</translation>
    </message>
</context>
<context>
    <name>Festivals</name>
    <message>
        <source>Lunar date</source>
        <translation>农历日期</translation>
    </message>
    <message>
        <source>Solar date</source>
        <translation>公历日期</translation>
    </message>
    <message>
        <source>Solar term</source>
        <translation>节气</translation>
    </message>
    <message>
        <source>Weekday of a month</source>
        <translation>某月第几个星期几</translation>
    </message>
    <message>
        <source>1st</source>
        <translation>第一个</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>第二个</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>第三个</translation>
    </message>
    <message>
        <source>4th</source>
        <translation>第四个</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后一个</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%3%1%2</translation>
    </message>
    <message>
        <source>no tier yet</source>
        <translation>尚未分级</translation>
    </message>
</context>
<context>
    <name>FestivalsDialog</name>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who gets greetings</source>
        <translation>问候对象</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add festival…</source>
        <translation>添加节日…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>month %1, last day</source>
        <translation>%1 月最后一天</translation>
    </message>
    <message>
        <source>any tier</source>
        <translation>不限等级</translation>
    </message>
    <message>
        <source>any stage</source>
        <translation>不限阶段</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Company type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Insider</source>
        <translation>内线</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>How met</source>
        <translation>来源 / 如何认识</translation>
    </message>
    <message>
        <source>How met, details</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>爱好</translation>
    </message>
    <message>
        <source>Favourite topics</source>
        <translation>喜欢的话题</translation>
    </message>
    <message>
        <source>Food likes</source>
        <translation>饮食喜好</translation>
    </message>
    <message>
        <source>Food taboos</source>
        <translation>饮食禁忌</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>籍贯 / 老家</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Proud moments</source>
        <translation>得意之事</translation>
    </message>
    <message>
        <source>Classic quotes</source>
        <translation>经典语录</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Relationship level</source>
        <translation>关系层级</translation>
    </message>
    <message>
        <source>Customer stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Note on the loss</source>
        <translation>流失说明</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段变化记录</translation>
    </message>
    <message>
        <source>Near-term business size</source>
        <translation>近期业务量</translation>
    </message>
    <message>
        <source>Future business size</source>
        <translation>未来业务量</translation>
    </message>
    <message>
        <source>Profit of the current project</source>
        <translation>当前项目利润</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Strategic value</source>
        <translation>战略价值</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Importance answers</source>
        <translation>重要度评分</translation>
    </message>
    <message>
        <source>Personality style</source>
        <translation>个性类型</translation>
    </message>
    <message>
        <source>Stay-in-touch every (days)</source>
        <translation>联络周期（天）</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Special dates</source>
        <translation>特殊日子</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tier A from total</source>
        <translation>A 级最低总分</translation>
    </message>
    <message>
        <source>Tier B from total</source>
        <translation>B 级最低总分</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Contacts involved</source>
        <translation>参与的联系人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Value (CNY)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Given or received</source>
        <translation>送出或收到</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收礼人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Gift idea</source>
        <translation>礼品点子</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Referred contact</source>
        <translation>被介绍人</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Flag received gifts above (CNY)</source>
        <translation>收到礼品超过此金额时标记（元）</translation>
    </message>
    <message>
        <source>Daily reminder time</source>
        <translation>每日提醒时间</translation>
    </message>
    <message>
        <source>Birthdays: remind</source>
        <translation>生日提前提醒</translation>
    </message>
    <message>
        <source>Anniversaries: remind</source>
        <translation>纪念日提前提醒</translation>
    </message>
    <message>
        <source>Festivals: remind</source>
        <translation>节日提前提醒</translation>
    </message>
    <message>
        <source>Closing the window keeps relbook in the tray</source>
        <translation>关闭窗口后 relbook 留在托盘中运行</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Festival name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>Festival date</source>
        <translation>节日日期</translation>
    </message>
    <message>
        <source>Falls on</source>
        <translation>日期规则</translation>
    </message>
    <message>
        <source>Solar term</source>
        <translation>节气</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Which week of the month</source>
        <translation>当月第几个</translation>
    </message>
    <message>
        <source>Day of the week</source>
        <translation>星期几</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Days of notice</source>
        <translation>提前天数</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Number of contacts</source>
        <translation>联系人数量</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>介绍日期</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Latest interactions</source>
        <translation>最近往来</translation>
    </message>
    <message>
        <source>Next birthday</source>
        <translation>下次生日</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>名片</translation>
    </message>
    <message>
        <source>Export columns</source>
        <translation>导出列</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>客户簿</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>每日备份保留天数</translation>
    </message>
    <message>
        <source>Weekly backups kept</source>
        <translation>每周备份保留周数</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Opportunity title</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>商机阶段</translation>
    </message>
    <message>
        <source>Funnel stages</source>
        <translation>商机阶段</translation>
    </message>
    <message>
        <source>Stage name</source>
        <translation>阶段名称</translation>
    </message>
    <message>
        <source>Stage code</source>
        <translation>阶段代码</translation>
    </message>
    <message>
        <source>Default win rate</source>
        <translation>默认赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Why it was lost</source>
        <translation>流失 / 丢单原因</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Keep out of the funnel below (CNY)</source>
        <translation>低于此金额的商机不计入漏斗（元）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Bought on</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>个性类型</translation>
    </message>
    <message>
        <source>How met</source>
        <translation>来源 / 如何认识</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 位联系人</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>What expires</source>
        <translation>到期项目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Add follow-up…</source>
        <translation>添加跟进…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Add expiry date…</source>
        <translation>添加到期日…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>未完成的跟进</translation>
    </message>
    <message>
        <source>Expiry dates</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>ForecastPanel</name>
    <message>
        <source>Sales forecast</source>
        <translation>销售预计</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>上一季度</translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation>下一季度</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>加权管道</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>销售预计</translation>
    </message>
    <message>
        <source>Progress this week</source>
        <translation>本周进展</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>A week ago (%1): forecast %2, booked %3.</source>
        <translation>一周前（%1）：预计 %2，已成交 %3。</translation>
    </message>
    <message>
        <source>learned from %1 closed</source>
        <translation>据 %1 个已结商机</translation>
    </message>
</context>
<context>
    <name>FunnelPage</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Default win rate</source>
        <translation>默认赢率</translation>
    </message>
    <message>
        <source>Win rate in use</source>
        <translation>当前赢率</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Double-click a name or a rate to change it. A stage can be removed only while no opportunity stands in it or has passed through it.</source>
        <translation>双击名称或赢率即可修改。只有没有商机处于或经过的阶段才能删除。</translation>
    </message>
    <message>
        <source>Win rates are learned from closed opportunities: once %1 that reached a stage have closed, its rate is the share of them that were won. Until then the default rate is used.</source>
        <translation>赢率从已结束的商机中学习：到达某阶段的商机有 %1 个结束后，该阶段的赢率就是其中赢单的比例。在此之前使用默认赢率。</translation>
    </message>
    <message>
        <source>Funnel stages</source>
        <translation>漏斗阶段</translation>
    </message>
    <message>
        <source> CNY</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Small orders</source>
        <translation>小额订单</translation>
    </message>
    <message>
        <source>Opportunities below this amount are kept out of the funnel (漏斗外): listed, but counted in neither the pipeline, the forecast nor the learned win rates.</source>
        <translation>低于此金额的商机放在漏斗外：照常列出，但不计入销售漏斗、销售预计和学习到的赢率。</translation>
    </message>
    <message>
        <source>Built-in stage; type a new name to rename it</source>
        <translation>内置阶段；输入新名称即可改名</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>%1 of %2 won</source>
        <translation>%2 个中赢 %1 个</translation>
    </message>
    <message>
        <source>%1 of %2 closed</source>
        <translation>已结束 %1 / %2 个</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <source>Add a gift</source>
        <translation>添加礼品</translation>
    </message>
    <message>
        <source>Edit gift</source>
        <translation>编辑礼品</translation>
    </message>
    <message>
        <source>e.g. Longjing tea, 2 tins</source>
        <translation>例如：龙井茶两罐</translation>
    </message>
    <message>
        <source>e.g. 1,280</source>
        <translation>例如：1,280</translation>
    </message>
    <message>
        <source>%1 already got this gift:</source>
        <translation>%1 已经收到过这份礼品：</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍然保存吗？</translation>
    </message>
    <message>
        <source>Same gift again</source>
        <translation>重复送礼</translation>
    </message>
</context>
<context>
    <name>GiftsTab</name>
    <message>
        <source>Add gift…</source>
        <translation>添加礼品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>A gift idea, e.g. he collects Yixing teapots</source>
        <translation>礼品点子，例如：他收藏宜兴紫砂壶</translation>
    </message>
    <message>
        <source>Add idea</source>
        <translation>添加点子</translation>
    </message>
    <message>
        <source>Mark used</source>
        <translation>标为已用</translation>
    </message>
    <message>
        <source>Delete idea</source>
        <translation>删除点子</translation>
    </message>
    <message>
        <source>Per year (CNY)</source>
        <translation>按年汇总（元）</translation>
    </message>
    <message>
        <source>Gift ideas</source>
        <translation>礼品点子</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>%1 (%2 gifts)</source>
        <translation>%1（%2 份）</translation>
    </message>
    <message>
        <source>Worth more than %1 CNY, the limit your company audits: declare it.</source>
        <translation>价值超过 %1 元（公司审计的上限），请申报。</translation>
    </message>
    <message>
        <source>Mark open</source>
        <translation>标为未用</translation>
    </message>
</context>
<context>
    <name>GreetCommand</name>
    <message>
        <source>%1 · %2: %3 recipients, %4 already greeted</source>
        <translation>%1 · %2：共 %3 位祝福对象，已祝福 %4 位</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Greetings logged for %1: %2</source>
        <translation>已记录%1的问候：%2 位</translation>
    </message>
    <message>
        <source>Already greeted for %1 %2: %3</source>
        <translation>%2 年%1已祝福过：%3</translation>
    </message>
</context>
<context>
    <name>GreetModel</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>no tier yet</source>
        <translation>尚未定级</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Why included</source>
        <translation>入选原因</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>祝福语</translation>
    </message>
</context>
<context>
    <name>GreetWindow</name>
    <message>
        <source>Greet: %1</source>
        <translation>节日祝福：%1</translation>
    </message>
    <message>
        <source>Reading the recipients…</source>
        <translation>正在读取祝福对象…</translation>
    </message>
    <message>
        <source>Filter by name or pinyin</source>
        <translation>按姓名或拼音筛选</translation>
    </message>
    <message>
        <source>Show those already sent</source>
        <translation>显示已发送的</translation>
    </message>
    <message>
        <source>Copy greeting</source>
        <translation>复制祝福语</translation>
    </message>
    <message>
        <source>Copy the current person&apos;s greeting (%1, or double-click the row)</source>
        <translation>复制当前这位的祝福语（%1，或双击该行）</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <source>Log the greeting as sent to the selected people</source>
        <translation>将祝福记录为已发送给选中的人</translation>
    </message>
    <message>
        <source>Mark all not yet sent…</source>
        <translation>全部未发送的标记为已发送…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>any tier</source>
        <translation>不限级别</translation>
    </message>
    <message>
        <source>tiers %1 and contacts with no tier yet</source>
        <translation>%1 级及尚未定级的联系人</translation>
    </message>
    <message>
        <source>tiers %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>only contacts with no tier yet</source>
        <translation>仅尚未定级的联系人</translation>
    </message>
    <message>
        <source>stages %1</source>
        <translation>阶段为%1</translation>
    </message>
    <message>
        <source>any stage</source>
        <translation>不限阶段</translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation>带有标签%1</translation>
    </message>
    <message>
        <source>Who gets it: %1</source>
        <translation>祝福对象：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 recipients, %2 already sent</source>
        <translation>共 %1 位祝福对象，已发送 %2 位</translation>
    </message>
    <message>
        <source>%1 recipients, %2 already sent, %3 shown</source>
        <translation>共 %1 位祝福对象，已发送 %2 位，当前显示 %3 位</translation>
    </message>
    <message>
        <source>The recipients could not be read: %1</source>
        <translation>无法读取祝福对象：%1</translation>
    </message>
    <message>
        <source>Copied the greeting for %1.</source>
        <translation>已复制给%1的祝福语。</translation>
    </message>
    <message>
        <source>Log the %1 greeting as sent to the %2 people not yet sent?</source>
        <translation>将%1祝福记录为已发送给尚未发送的 %2 位吗？</translation>
    </message>
    <message>
        <source>Only those the filter shows are marked.</source>
        <translation>只标记筛选后显示的人。</translation>
    </message>
    <message>
        <source>Logging the greetings…</source>
        <translation>正在记录祝福…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled; nobody was marked sent.</source>
        <translation>已取消，没有人被标记为已发送。</translation>
    </message>
    <message>
        <source>Marked %1 people sent.</source>
        <translation>已将 %1 位标记为已发送。</translation>
    </message>
    <message>
        <source>Nothing was marked: %1</source>
        <translation>未标记任何人：%1</translation>
    </message>
</context>
<context>
    <name>GreetingsEditor</name>
    <message>
        <source>Greeting templates</source>
        <translation>祝福语模板</translation>
    </message>
    <message>
        <source>Festival: %1</source>
        <translation>节日：%1</translation>
    </message>
    <message>
        <source>Any style</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>On the day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>1 day ahead</source>
        <translation>提前1天</translation>
    </message>
    <message>
        <source>2 days ahead</source>
        <translation>提前2天</translation>
    </message>
    <message>
        <source>5 days ahead</source>
        <translation>提前5天</translation>
    </message>
    <message>
        <source>2 days late</source>
        <translation>晚2天</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>可用占位符：%1</translation>
    </message>
    <message>
        <source>{salutation} is how the contact is addressed, else the name; {day} says when; {relation} and {member} name the family member whose birthday it is; {label} is the name of a custom day.</source>
        <translation>{salutation} 是对联系人的称呼（如王总），没有称呼时用姓名；{day} 说明是哪一天；{relation} 和 {member} 是过生日的家人及其关系；{label} 是自定义纪念日的名称。</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>When copied</source>
        <translation>复制时间</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Keeping in touch</source>
        <translation>日常问候</translation>
    </message>
    <message>
        <source>Special day: %1</source>
        <translation>纪念日：%1</translation>
    </message>
    <message>
        <source>Expiry: %1</source>
        <translation>到期：%1</translation>
    </message>
    <message>
        <source>Copied on the day itself.</source>
        <translation>当天复制时使用。</translation>
    </message>
    <message>
        <source>Copied before the day: {day} says tomorrow, the day after tomorrow or the date.</source>
        <translation>提前复制时使用：{day} 会写成明天、后天或具体日期。</translation>
    </message>
    <message>
        <source>Copied after the day, as belated wishes: {day} says yesterday, the day before yesterday or the date.</source>
        <translation>过后补发祝福时使用：{day} 会写成昨天、前天或具体日期。</translation>
    </message>
    <message>
        <source>Not a placeholder, will be sent as typed: %1</source>
        <translation>不是可用的占位符，将按原样发送：%1</translation>
    </message>
</context>
<context>
    <name>Ics</name>
    <message>
        <source>{name}&apos;s birthday</source>
        <translation>{name} 生日</translation>
    </message>
    <message>
        <source>{name}: {member}&apos;s birthday</source>
        <translation>{name}：{member} 生日</translation>
    </message>
    <message>
        <source>{name}: {label}</source>
        <translation>{name}：{label}</translation>
    </message>
    <message>
        <source>{name}: {task}</source>
        <translation>{name}：{task}</translation>
    </message>
    <message>
        <source> (lunar)</source>
        <translation>（农历）</translation>
    </message>
    <message>
        <source>relbook: birthdays and follow-ups</source>
        <translation>relbook：生日与跟进</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Importing %1 / %2</source>
        <translation>正在导入 %1 / %2</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：没有写入任何内容。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>已取消导入，没有写入任何内容。</translation>
    </message>
    <message>
        <source>Backup of the book saved to %1</source>
        <translation>客户簿已备份到 %1</translation>
    </message>
    <message>
        <source>%1 %2 matches %3 (id %4): %5</source>
        <translation>%1 %2 与客户簿中的 %3（编号 %4）相符：%5</translation>
    </message>
    <message>
        <source>%1 %2 repeats %3 of this file: %4</source>
        <translation>%1 %2 与本文件%3重复：%4</translation>
    </message>
    <message>
        <source>New contacts: %1</source>
        <translation>新联系人：%1</translation>
    </message>
    <message>
        <source>of them, with the landline of someone else: %1</source>
        <translation>其中与他人共用座机号码：%1</translation>
    </message>
    <message>
        <source>Likely duplicates: %1</source>
        <translation>疑似重复：%1</translation>
    </message>
    <message>
        <source>Records with warnings: %1</source>
        <translation>有提示的记录：%1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 条</translation>
    </message>
    <message>
        <source>Cannot be imported: %1</source>
        <translation>无法导入：%1</translation>
    </message>
    <message>
        <source>Read with problems: %1</source>
        <translation>读取时有问题：%1</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>第 %1 张名片</translation>
    </message>
    <message>
        <source>Card %1 (line %2)</source>
        <translation>第 %1 张名片（第 %2 行）</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name and company</source>
        <translation>姓名和单位相同</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>Matches %1 in the book (%2)</source>
        <translation>与客户簿中的 %1 相符（%2）</translation>
    </message>
    <message>
        <source>Repeats %1 of this file (%2)</source>
        <translation>与本文件%1重复（%2）</translation>
    </message>
    <message>
        <source>%1 in the book has the same landline under another name: added as new</source>
        <translation>客户簿中的 %1 用同一座机号码但姓名不同：作为新联系人添加</translation>
    </message>
    <message>
        <source>%1 of this file has the same landline under another name</source>
        <translation>本文件%1用同一座机号码但姓名不同</translation>
    </message>
    <message>
        <source>The card has no name: it is named after its company.</source>
        <translation>这张名片没有姓名：已用其单位名称命名。</translation>
    </message>
    <message>
        <source>The card has no name: it is named after its email.</source>
        <translation>这张名片没有姓名：已用其邮箱命名。</translation>
    </message>
    <message>
        <source>The card has no name: it is named after its phone.</source>
        <translation>这张名片没有姓名：已用其电话号码命名。</translation>
    </message>
    <message>
        <source>The photo could not be read and was left out.</source>
        <translation>照片无法读取，已略去。</translation>
    </message>
    <message>
        <source>The photo is a link, not a picture in the file; it was left out.</source>
        <translation>照片是一个链接，而不是文件中的图片，已略去。</translation>
    </message>
    <message>
        <source>Some unreadable lines of the card were skipped.</source>
        <translation>名片中有几行无法读取，已跳过。</translation>
    </message>
    <message>
        <source>The birthday could not be read and was left out.</source>
        <translation>生日无法读取，已略去。</translation>
    </message>
    <message>
        <source>A special date could not be read and was left out.</source>
        <translation>有一个特殊日子无法读取，已略去。</translation>
    </message>
    <message>
        <source>The birthday is after today: its year was left out, its month and day kept.</source>
        <translation>生日晚于今天：已略去年份，保留月和日。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is kept in the note (the field holds one value).</source>
        <translation>%1：“%2”已保存在备注中（该字段只能保存一个值）。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date that can be read; it is kept in the note.</source>
        <translation>%1：“%2”不是可识别的日期，已保存在备注中。</translation>
    </message>
    <message>
        <source>Line %1: %2 &quot;%3&quot; not recognised; kept in the note.</source>
        <translation>第 %1 行：%2“%3”未能识别，已保存在备注中。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; not recognised; kept in the note.</source>
        <translation>%1：“%2”未能识别，已保存在备注中。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; not recognised; kept in the note.</source>
        <translation>%1“%2”未能识别，已保存在备注中。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not imported: %1 empty columns.</source>
        <translation>未导入：%1 个空列。</translation>
    </message>
    <message>
        <source>Not imported: %1.</source>
        <translation>未导入：%1。</translation>
    </message>
    <message>
        <source>Not imported: %1 (and %2 empty columns).</source>
        <translation>未导入：%1（另有 %2 个空列）。</translation>
    </message>
    <message>
        <source>With warnings: %1 (what could not be used is kept in their notes).</source>
        <translation>有提示：%1 条（未能使用的内容已保存在各自的备注中）。</translation>
    </message>
    <message>
        <source>Relationship level &quot;%2&quot; is not 1 to 5 and was left out.</source>
        <translation>关系层级“%2”不在 1 到 5 之间，已略去。</translation>
    </message>
    <message>
        <source>Customer stage &quot;%2&quot; is unknown and was left out.</source>
        <translation>无法识别客户阶段“%2”，已略去。</translation>
    </message>
    <message>
        <source>Name (full)</source>
        <translation>姓名（全名）</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Birthday: year</source>
        <translation>生日：年</translation>
    </message>
    <message>
        <source>Birthday: month</source>
        <translation>生日：月</translation>
    </message>
    <message>
        <source>Birthday: day</source>
        <translation>生日：日</translation>
    </message>
    <message>
        <source>Copied the archive into the empty book: %1 contacts, %2 interactions, %3 gifts, %4 tasks.</source>
        <translation>已将存档复制到空的客户簿：%1 位联系人、%2 条往来、%3 份礼品、%4 项任务。</translation>
    </message>
    <message>
        <source>Merged: %1 new contacts, %2 matched, %3 interactions, %4 gifts and %5 tasks added.</source>
        <translation>已合并：新增 %1 位联系人，匹配 %2 位已有联系人，添加 %3 条往来、%4 份礼品和 %5 项任务。</translation>
    </message>
    <message>
        <source>Created %1, merged %2, skipped %3.</source>
        <translation>新建 %1 位，合并 %2 位，跳过 %3 位。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Change this when names show as garbled characters</source>
        <translation>如果姓名显示为乱码，请更换编码</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>设置列…</translation>
    </message>
    <message>
        <source>Choose what each column of the sheet holds</source>
        <translation>指定表格中每一列的内容</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Cannot be imported</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>New contacts</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Records with warnings</source>
        <translation>有提示的记录</translation>
    </message>
    <message>
        <source>Merge into the existing contact (fill empty fields)</source>
        <translation>合并到已有联系人（只填补空白字段）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Add as new contacts</source>
        <translation>作为新联系人添加</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>All likely duplicates:</source>
        <translation>所有疑似重复：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading the sheet again…</source>
        <translation>正在重新读取表格…</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>已取消读取。</translation>
    </message>
    <message>
        <source>Records (%1)</source>
        <translation>记录（%1）</translation>
    </message>
    <message>
        <source>Cannot be imported (%1)</source>
        <translation>无法导入（%1）</translation>
    </message>
    <message>
        <source>A relbook archive. Importing it into this empty book makes a copy:</source>
        <translation>这是一个 relbook 存档。导入到当前空的客户簿，将得到它的完整副本：</translation>
    </message>
    <message>
        <source>A relbook archive. Importing merges it into this book:</source>
        <translation>这是一个 relbook 存档。导入会将它合并到当前客户簿：</translation>
    </message>
    <message>
        <source>%1 new, %2 likely duplicates, %3 cannot be imported.</source>
        <translation>新联系人 %1 位，疑似重复 %2 位，无法导入 %3 条。</translation>
    </message>
    <message>
        <source>%1 have values that cannot be used: they are imported with those values kept in their notes (see Warnings).</source>
        <translation>%1 条记录含有无法使用的内容：照常导入，这些内容保存在各自的备注中（见“提示”列）。</translation>
    </message>
    <message>
        <source>%1 of the new have the landline of someone of another name; they are added unless you choose to merge them.</source>
        <translation>其中 %1 位与姓名不同的人共用座机号码；除非选择合并，否则作为新联系人添加。</translation>
    </message>
    <message>
        <source>Importing will add %1, merge %2 and skip %3.</source>
        <translation>导入时将添加 %1 位，合并 %2 位，跳过 %3 位。</translation>
    </message>
    <message>
        <source>Use Columns… to import them.</source>
        <translation>可用“设置列…”导入这些列。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>已取消导入，没有写入任何内容。</translation>
    </message>
    <message>
        <source>The book was backed up first to %1</source>
        <translation>导入前已将客户簿备份到 %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportanceQuestions</name>
    <message>
        <source>Answer all five questions to get a tier.</source>
        <translation>回答全部五个问题后得出等级。</translation>
    </message>
    <message>
        <source>Total %1: tier %2</source>
        <translation>总分 %1：%2 级</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Prospect</source>
        <translation>陌生</translation>
    </message>
    <message>
        <source>Acquainted</source>
        <translation>认识</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>约会</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>信赖</translation>
    </message>
    <message>
        <source>Ally</source>
        <translation>同盟</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost / dormant</source>
        <translation>流失 / 休眠</translation>
    </message>
    <message>
        <source>Foreign-owned</source>
        <translation>外企</translation>
    </message>
    <message>
        <source>State-owned</source>
        <translation>国企</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>民营</translation>
    </message>
    <message>
        <source>Government / public institution</source>
        <translation>政府 / 事业单位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Felt neglected</source>
        <translation>感觉被冷落</translation>
    </message>
    <message>
        <source>A cheaper offer</source>
        <translation>更便宜的报价</translation>
    </message>
    <message>
        <source>A friend&apos;s advice</source>
        <translation>朋友的建议</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>搬走了</translation>
    </message>
    <message>
        <source>Natural drift</source>
        <translation>自然疏远</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>去世</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Technical / financial gatekeeper</source>
        <translation>技术 / 财务把关者</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>决策人</translation>
    </message>
    <message>
        <source>Analytical</source>
        <translation>分析型</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>主观型</translation>
    </message>
    <message>
        <source>Expressive</source>
        <translation>情感型</translation>
    </message>
    <message>
        <source>Amiable</source>
        <translation>随和型</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>亲戚</translation>
    </message>
    <message>
        <source>Classmate</source>
        <translation>同学</translation>
    </message>
    <message>
        <source>Neighbour</source>
        <translation>邻居</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>朋友</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>陌生拜访</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <source>Company founding day</source>
        <translation>公司成立日</translation>
    </message>
    <message>
        <source>First deal anniversary</source>
        <translation>首次成交纪念日</translation>
    </message>
    <message>
        <source>Promotion day</source>
        <translation>升职纪念日</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>仅一次</translation>
    </message>
    <message>
        <source>Minor Cold</source>
        <translation>小寒</translation>
    </message>
    <message>
        <source>Major Cold</source>
        <translation>大寒</translation>
    </message>
    <message>
        <source>Start of Spring</source>
        <translation>立春</translation>
    </message>
    <message>
        <source>Rain Water</source>
        <translation>雨水</translation>
    </message>
    <message>
        <source>Awakening of Insects</source>
        <translation>惊蛰</translation>
    </message>
    <message>
        <source>Spring Equinox</source>
        <translation>春分</translation>
    </message>
    <message>
        <source>Pure Brightness (Qingming)</source>
        <translation>清明</translation>
    </message>
    <message>
        <source>Grain Rain</source>
        <translation>谷雨</translation>
    </message>
    <message>
        <source>Start of Summer</source>
        <translation>立夏</translation>
    </message>
    <message>
        <source>Grain Buds</source>
        <translation>小满</translation>
    </message>
    <message>
        <source>Grain in Ear</source>
        <translation>芒种</translation>
    </message>
    <message>
        <source>Summer Solstice</source>
        <translation>夏至</translation>
    </message>
    <message>
        <source>Minor Heat</source>
        <translation>小暑</translation>
    </message>
    <message>
        <source>Major Heat</source>
        <translation>大暑</translation>
    </message>
    <message>
        <source>Start of Autumn</source>
        <translation>立秋</translation>
    </message>
    <message>
        <source>End of Heat</source>
        <translation>处暑</translation>
    </message>
    <message>
        <source>White Dew</source>
        <translation>白露</translation>
    </message>
    <message>
        <source>Autumn Equinox</source>
        <translation>秋分</translation>
    </message>
    <message>
        <source>Cold Dew</source>
        <translation>寒露</translation>
    </message>
    <message>
        <source>Frost&apos;s Descent</source>
        <translation>霜降</translation>
    </message>
    <message>
        <source>Start of Winter</source>
        <translation>立冬</translation>
    </message>
    <message>
        <source>Minor Snow</source>
        <translation>小雪</translation>
    </message>
    <message>
        <source>Major Snow</source>
        <translation>大雪</translation>
    </message>
    <message>
        <source>Winter Solstice</source>
        <translation>冬至</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>饭局</translation>
    </message>
    <message>
        <source>Message (WeChat / SMS)</source>
        <translation>消息（微信 / 短信）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Meeting / event</source>
        <translation>会议 / 活动</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>送出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>致谢</translation>
    </message>
    <message>
        <source>Wedding</source>
        <translation>婚礼</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Subordinate</source>
        <translation>下属</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>平级同事</translation>
    </message>
    <message>
        <source>Spouse / family</source>
        <translation>配偶 / 家人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未用</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
</context>
<context>
    <name>LoseDialog</name>
    <message>
        <source>Mark as lost</source>
        <translation>记为丢单</translation>
    </message>
    <message>
        <source>Choose why…</source>
        <translation>选择原因…</translation>
    </message>
    <message>
        <source>What happened, what to do better next time</source>
        <translation>发生了什么，下次如何做得更好</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Choose why it was lost.</source>
        <translation>请选择丢单原因。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>relbook - relationship book</source>
        <translation>relbook 客户关系簿</translation>
    </message>
    <message>
        <source>Search name or pinyin (zs, zhangsan), company, phone, email, tag, notes</source>
        <translation>搜索姓名或拼音（zs、zhangsan）、单位、电话、邮箱、标签、备注</translation>
    </message>
    <message>
        <source>Opening the book…</source>
        <translation>正在打开客户簿…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Log…</source>
        <translation>记录往来…</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Find duplicates…</source>
        <translation>查找重复联系人…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Activity report…</source>
        <translation>工作报告…</translation>
    </message>
    <message>
        <source>Pipeline report…</source>
        <translation>商机报告…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Quit relbook</source>
        <translation>退出 relbook</translation>
    </message>
    <message>
        <source>About relbook</source>
        <translation>关于 relbook</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>客户簿(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Opportunities</source>
        <translation>商机(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Could not read the book: %1</source>
        <translation>无法读取客户簿：%1</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Read-only: the book&apos;s folder cannot be written, so nothing can be changed. Looking up, exporting and copying work.</source>
        <translation>只读：关系簿所在的文件夹无法写入，因此不能做任何更改。查询、导出和复制仍可使用。</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>联系人已添加。</translation>
    </message>
    <message>
        <source>Contact saved.</source>
        <translation>联系人已保存。</translation>
    </message>
    <message>
        <source>Interaction logged.</source>
        <translation>往来已记录。</translation>
    </message>
    <message>
        <source>%1 contacts moved to the trash. Press %2 to undo.</source>
        <translation>%1 位联系人已移到回收站。按 %2 撤销。</translation>
    </message>
    <message>
        <source>Moved to the trash. Press %1 to undo.</source>
        <translation>已移到回收站。按 %1 撤销。</translation>
    </message>
    <message>
        <source>Restored from the trash.</source>
        <translation>已从回收站恢复。</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
</context>
<context>
    <name>PdfJob</name>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PhoneList</name>
    <message>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PipelineReportDialog</name>
    <message>
        <source>Pipeline report</source>
        <translation>商机报告</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation>下季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>自定义时段</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF（.pdf）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Forecast period</source>
        <translation>预计时段</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Create report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the pipeline report as</source>
        <translation>商机报告另存为</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，没有写入文件。</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
</context>
<context>
    <name>Playbook</name>
    <message>
        <source>Signs to recognise</source>
        <translation>识别特征</translation>
    </message>
    <message>
        <source>What to talk about</source>
        <translation>聊什么</translation>
    </message>
    <message>
        <source>How to present</source>
        <translation>如何呈现</translation>
    </message>
    <message>
        <source>How they decide, and objections</source>
        <translation>如何决策与处理异议</translation>
    </message>
    <message>
        <source>A tidy office with charts and plans on the wall; conservative dress. Cautious and slow to decide, compares several suppliers and wants everything in writing.</source>
        <translation>办公室整洁，墙上挂着图表和计划；穿着保守。谨慎，决策慢，会比较多家供应商，凡事都要书面材料。</translation>
    </message>
    <message>
        <source>Work and the company&apos;s goals.</source>
        <translation>工作以及公司的目标。</translation>
    </message>
    <message>
        <source>A written proposal with exact data and full details. Be precise, never vague.</source>
        <translation>书面方案，数据准确、细节完整。要精确，切忌含糊。</translation>
    </message>
    <message>
        <source>Decides slowly after comparing offers. Answer objections with facts and figures; never exaggerate.</source>
        <translation>比较各家报价后才慢慢决定。用事实和数据回应异议，绝不夸大。</translation>
    </message>
    <message>
        <source>Diplomas and awards on the wall, a firm handshake, says &quot;I think&quot;, speaks fast and loud. Time is money to them.</source>
        <translation>墙上挂着证书和奖状，握手有力，常说“我认为”，说话快而响亮。对他来说时间就是金钱。</translation>
    </message>
    <message>
        <source>Their achievements, and results: lower cost, more revenue, faster payback, their own performance and promotion.</source>
        <translation>他的成就，以及结果：降低成本、增加收入、更快回本、他本人的业绩和升迁。</translation>
    </message>
    <message>
        <source>Brief, bottom line first. Be on time; phone ahead even if you will be one minute late.</source>
        <translation>简明扼要，先说结论。一定守时；哪怕晚到一分钟也要提前打电话。</translation>
    </message>
    <message>
        <source>Decides fast. Do not argue; give the facts they need and let them choose.</source>
        <translation>决策快。不要与他争辩；给出他需要的事实，让他自己拍板。</translation>
    </message>
    <message>
        <source>Personal items and a sofa in the office, fashionable, rich body language; drifts off topic and is often late.</source>
        <translation>办公室里有私人物品和沙发，穿着时尚，肢体语言丰富；说话容易跑题，常常迟到。</translation>
    </message>
    <message>
        <source>Anything: news, anecdotes, people. Informal places work well.</source>
        <translation>什么都可以聊：新闻、趣事、人物。非正式场合效果更好。</translation>
    </message>
    <message>
        <source>Pictures and video, well-known reference customers, benefits rather than features.</source>
        <translation>用图片和视频，展示知名的参考客户，讲利益而不是功能。</translation>
    </message>
    <message>
        <source>Buys status and decides fast, by feeling. Expect &quot;Who else uses it?&quot; and have reference customers ready.</source>
        <translation>买的是身份地位，凭感觉快速决定。他会问“还有谁在用？”，要备好参考客户。</translation>
    </message>
    <message>
        <source>Family and travel photos, gentle manner, avoids conflict; agrees with everything yet does not buy.</source>
        <translation>摆着家人和旅行的照片，态度温和，回避冲突；什么都说好，却迟迟不买。</translation>
    </message>
    <message>
        <source>Family, people and everyday life; show patience and never push.</source>
        <translation>家庭、人和日常生活；要有耐心，绝不催促。</translation>
    </message>
    <message>
        <source>No pressure. Involve the actual users and their trusted friends; show how easy it is to use and offer a personal guarantee.</source>
        <translation>不要施压。让实际使用者和他信任的朋友参与进来；展示使用有多简便，并给出个人保证。</translation>
    </message>
    <message>
        <source>Decides slowly and avoids risk; worries about the effect on others and about ease of use. Reassure, and give them time.</source>
        <translation>决策慢，回避风险；担心对他人的影响和是否好用。多给他安心，也给他时间。</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>relbook cannot open its window: the display %1 does not answer. Start it in a running desktop session; its commands work without one (relbook --help).</source>
        <translation>relbook 无法打开窗口：显示器 %1 没有响应。请在正在运行的桌面会话中启动；命令行命令无需显示器即可使用（relbook --help）。</translation>
    </message>
    <message>
        <source>relbook cannot open its window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it in a desktop session; its commands work without one (relbook --help).</source>
        <translation>relbook 无法打开窗口：没有显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）。请在桌面会话中启动；命令行命令无需显示器即可使用（relbook --help）。</translation>
    </message>
    <message>
        <source>relbook cannot open its window: these libraries Qt needs are missing: %1.</source>
        <translation>relbook 无法打开窗口：缺少 Qt 所需的以下库：%1。</translation>
    </message>
    <message>
        <source>Install them with:</source>
        <translation>可用以下命令安装：</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Found in the book</source>
        <translation>客户簿中的匹配</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入方式</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Merge (fill empty fields)</source>
        <translation>合并（填补空白字段）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Add as a new contact</source>
        <translation>作为新联系人添加</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新联系人</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Record a purchase</source>
        <translation>记录购买</translation>
    </message>
    <message>
        <source>e.g. CRM licences, 50 seats</source>
        <translation>例如：CRM 软件许可 50 个</translation>
    </message>
    <message>
        <source>e.g. 128,000</source>
        <translation>例如：128,000</translation>
    </message>
    <message>
        <source>due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Saving also adds a thank-you to send within two days and, with a renewal date, a reminder before the contract runs out.</source>
        <translation>保存时还会添加一条两天内发送的致谢；填写续约日期的，会在合同到期前提醒。</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>Log an interaction</source>
        <translation>记录往来</translation>
    </message>
    <message>
        <source>Edit interaction</source>
        <translation>编辑往来</translation>
    </message>
    <message>
        <source>Add someone else who was there (name)</source>
        <translation>添加同在场的人（姓名）</translation>
    </message>
    <message>
        <source>What was talked about</source>
        <translation>聊了什么</translation>
    </message>
    <message>
        <source>e.g. send the quotation</source>
        <translation>例如：发送报价单</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Add referral</source>
        <translation>添加转介绍</translation>
    </message>
</context>
<context>
    <name>ReferralTreeDialog</name>
    <message>
        <source>Referral tree</source>
        <translation>转介绍关系树</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>介绍日期</translation>
    </message>
    <message>
        <source>Came through them</source>
        <translation>经其介绍人数</translation>
    </message>
    <message>
        <source>%1 people came to you through %2 first referrers.</source>
        <translation>共有 %1 人经由 %2 位源头介绍人而来。</translation>
    </message>
    <message>
        <source>No referrals yet. Record them on a contact&apos;s Relations tab, or set &quot;Referred by&quot; in the editor.</source>
        <translation>还没有转介绍记录。可在联系人的“关系人脉”页添加，或在编辑时填写“介绍人”。</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <source>Add relation</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <source>Stands to %1 as</source>
        <translation>对 %1 而言是</translation>
    </message>
</context>
<context>
    <name>RelationsTab</name>
    <message>
        <source>Add relation…</source>
        <translation>添加关系…</translation>
    </message>
    <message>
        <source>Add referral…</source>
        <translation>添加转介绍…</translation>
    </message>
    <message>
        <source>Linked contacts</source>
        <translation>关联联系人</translation>
    </message>
    <message>
        <source>Referred by them</source>
        <translation>由其介绍的人</translation>
    </message>
    <message>
        <source>Click a person to open them</source>
        <translation>点击姓名打开该联系人</translation>
    </message>
    <message>
        <source>Remove this relation</source>
        <translation>删除这条关系</translation>
    </message>
    <message>
        <source>Remove this referral</source>
        <translation>删除这条转介绍</translation>
    </message>
</context>
<context>
    <name>RelationshipTab</name>
    <message>
        <source>Why the level changed (optional)</source>
        <translation>层级变化的原因（可选）</translation>
    </message>
    <message>
        <source>Why the customer was lost: needed to save the move</source>
        <translation>客户为什么流失：改为流失时必须填写</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>发生了什么（可选）</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Name or id of an existing contact</source>
        <translation>已有联系人的姓名或编号</translation>
    </message>
    <message>
        <source>Note for this change</source>
        <translation>本次变化的备注</translation>
    </message>
    <message>
        <source>Level history</source>
        <translation>层级变化记录</translation>
    </message>
    <message>
        <source>Why the customer left</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Playbook for this style</source>
        <translation>该类型的应对要点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a personality style to see how to work with it.</source>
        <translation>选择个性类型后，这里会显示与之相处的要点。</translation>
    </message>
</context>
<context>
    <name>ReminderCenter</name>
    <message>
        <source>relbook reminders</source>
        <translation>relbook 提醒</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Done and log it</source>
        <translation>完成并记录往来</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Open contact</source>
        <translation>打开联系人</translation>
    </message>
    <message>
        <source>Copy greeting</source>
        <translation>复制祝福语</translation>
    </message>
    <message>
        <source>Greet…</source>
        <translation>节日祝福…</translation>
    </message>
    <message>
        <source>Each recipient&apos;s own greeting, to copy and mark sent one by one</source>
        <translation>逐一查看每位祝福对象的专属祝福语，复制并标记为已发送</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>一小时后</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Until next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <source>Until a time I choose…</source>
        <translation>选择时间…</translation>
    </message>
    <message>
        <source>Show all in Today</source>
        <translation>在“今日”中查看全部</translation>
    </message>
    <message>
        <source>%1 reminders need your attention.</source>
        <translation>有 %1 条提醒需要处理。</translation>
    </message>
    <message>
        <source>The first %1 are listed here.</source>
        <translation>此处列出前 %1 条。</translation>
    </message>
    <message>
        <source>Greet (%1): %2</source>
        <translation>问候对象（%1 位）：%2</translation>
    </message>
    <message>
        <source>nobody matches this festival&apos;s audience</source>
        <translation>没有联系人符合该节日的问候条件</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>稍后提醒时间</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Family birthday</source>
        <translation>家人生日</translation>
    </message>
    <message>
        <source>Special day</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Stay in touch</source>
        <translation>保持联系</translation>
    </message>
    <message>
        <source>Thank-you after the deal</source>
        <translation>成交后致谢</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation>七夕</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳节</translation>
    </message>
    <message>
        <source>Little New Year</source>
        <translation>小年</translation>
    </message>
    <message>
        <source>Chinese New Year&apos;s Eve</source>
        <translation>除夕</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Women&apos;s Day</source>
        <translation>妇女节</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <source>Teachers&apos; Day</source>
        <translation>教师节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Christmas</source>
        <translation>圣诞节</translation>
    </message>
    <message>
        <source>Qingming Festival</source>
        <translation>清明节</translation>
    </message>
    <message>
        <source>Winter Solstice</source>
        <translation>冬至</translation>
    </message>
    <message>
        <source>Mother&apos;s Day</source>
        <translation>母亲节</translation>
    </message>
    <message>
        <source>Father&apos;s Day</source>
        <translation>父亲节</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>保单</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>%1 · greet %2 contacts</source>
        <translation>%1 · 问候 %2 位联系人</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>turns %1</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>%1 · every %2 days</source>
        <translation>%1 · 每 %2 天联系一次</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Dossier: %1</source>
        <translation>客户档案：%1</translation>
    </message>
    <message>
        <source>Activity report %1 – %2</source>
        <translation>工作报告 %1 – %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>个人情况</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Special dates</source>
        <translation>特殊日子</translation>
    </message>
    <message>
        <source>Personality playbook: %1</source>
        <translation>个性应对要点：%1</translation>
    </message>
    <message>
        <source>Level history</source>
        <translation>层级变化记录</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>往来时间线</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Interactions by type</source>
        <translation>按类型统计往来</translation>
    </message>
    <message>
        <source>Interactions by contact</source>
        <translation>按联系人统计往来</translation>
    </message>
    <message>
        <source>Level changes</source>
        <translation>层级变化</translation>
    </message>
    <message>
        <source>New contacts</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原层级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新层级</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下次</translation>
    </message>
    <message>
        <source>With</source>
        <translation>同在场</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>初始</translation>
    </message>
    <message>
        <source>%1 (importance %2 of 25)</source>
        <translation>%1（重要度 %2 / 25）</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>往来次数</translation>
    </message>
    <message>
        <source>Contacts reached</source>
        <translation>联系过的人数</translation>
    </message>
    <message>
        <source>Gifts given</source>
        <translation>送出礼品</translation>
    </message>
    <message>
        <source>Gifts received</source>
        <translation>收到礼品</translation>
    </message>
    <message>
        <source>%1 gifts, %2</source>
        <translation>%1 份，共 %2</translation>
    </message>
    <message>
        <source>Gift ideas</source>
        <translation>礼品点子</translation>
    </message>
    <message>
        <source>Pipeline and forecast</source>
        <translation>商机与销售预计</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Sales forecast %1 – %2</source>
        <translation>销售预计 %1 – %2</translation>
    </message>
    <message>
        <source>A week before (%1)</source>
        <translation>一周前（%1）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>加权管道</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>销售预计</translation>
    </message>
    <message>
        <source>Progress this week</source>
        <translation>本周销售进展</translation>
    </message>
    <message>
        <source>Forecast by stage</source>
        <translation>各阶段预计</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Rate from</source>
        <translation>赢率来源</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Why lost</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Note on why</source>
        <translation>丢单说明</translation>
    </message>
    <message>
        <source>out of funnel</source>
        <translation>漏斗外</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 个，%2</translation>
    </message>
    <message>
        <source>Pipeline progress</source>
        <translation>销售进展</translation>
    </message>
    <message>
        <source>Sales forecast for %1 – %2 as of %3, against the same a week before.</source>
        <translation>%1 – %2 的销售预计，截至 %3，与一周前相比。</translation>
    </message>
    <message>
        <source>Opportunities won</source>
        <translation>赢单商机</translation>
    </message>
    <message>
        <source>Opportunities lost</source>
        <translation>丢单商机</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Bought on</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>续约日期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>商机</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>relbook %1 self-test: all steps passed</source>
        <translation>relbook %1 自检：全部通过</translation>
    </message>
    <message>
        <source>relbook %1 self-test: %2 step(s) failed</source>
        <translation>relbook %1 自检：%2 项未通过</translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation>数据结构版本 %1</translation>
    </message>
    <message>
        <source>lunar birthday %1/%2 (solar %3)</source>
        <translation>农历生日 %1月%2日（公历 %3）</translation>
    </message>
    <message>
        <source>%1 reminders in 30 days, the birthday on %2</source>
        <translation>30 天内 %1 条提醒，生日在 %2</translation>
    </message>
    <message>
        <source>vCard written and read back (%1 bytes)</source>
        <translation>vCard 已写出并读回（%1 字节）</translation>
    </message>
    <message>
        <source>%1x%2 pixels, %3 contact</source>
        <translation>%1x%2 像素，%3 位联系人</translation>
    </message>
    <message>
        <source>zh_CN catalogues, greetings, pinyin table, icon %1, scheduler triggers</source>
        <translation>中文翻译、问候语、拼音表、图标 %1、定时器</translation>
    </message>
    <message>
        <source>open a new book and apply the migrations</source>
        <translation>新建客户簿并升级数据结构</translation>
    </message>
    <message>
        <source>add a contact with a lunar birthday</source>
        <translation>添加一位农历生日的联系人</translation>
    </message>
    <message>
        <source>compute the reminders</source>
        <translation>计算提醒</translation>
    </message>
    <message>
        <source>export the contact and read it back</source>
        <translation>导出联系人并读回</translation>
    </message>
    <message>
        <source>render the main window offscreen</source>
        <translation>在后台绘制主窗口</translation>
    </message>
    <message>
        <source>load the translations, greetings, pinyin, icon, triggers</source>
        <translation>加载翻译、问候语、拼音、图标和定时器</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Importance tiers</source>
        <translation>重要度等级</translation>
    </message>
    <message>
        <source>The five importance answers add up to a total from 5 to 25 (risk counts in reverse). A total at or above these values gives the tier.</source>
        <translation>五个重要度问题的得分相加，总分 5 到 25（风险反向计分）。总分达到下列数值即为相应等级。</translation>
    </message>
    <message>
        <source>Stay in touch by default</source>
        <translation>默认联络周期</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Tier %1 every</source>
        <translation>%1 级客户每隔</translation>
    </message>
    <message>
        <source>Contacts without a tier yet (not all five importance answers) by stage:</source>
        <translation>尚无分级的联系人（五个重要度问题未答全）按客户阶段：</translation>
    </message>
    <message>
        <source>%1 every</source>
        <translation>%1每隔</translation>
    </message>
    <message>
        <source> CNY</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>Start relbook when I log in</source>
        <translation>登录系统时启动 relbook</translation>
    </message>
    <message>
        <source>Festivals and who gets greetings…</source>
        <translation>节日与问候对象…</translation>
    </message>
    <message>
        <source>Greeting templates…</source>
        <translation>祝福语模板…</translation>
    </message>
    <message>
        <source>Tier B must start at or below tier A.</source>
        <translation>B 级的最低总分不能高于 A 级。</translation>
    </message>
    <message>
        <source>Could not change starting at login: %1</source>
        <translation>无法更改开机启动设置：%1</translation>
    </message>
</context>
<context>
    <name>SpecialDateEdit</name>
    <message>
        <source>What the day is</source>
        <translation>日子类型</translation>
    </message>
    <message>
        <source>Name of the day</source>
        <translation>日子名称</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Year known</source>
        <translation>知道年份</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month </source>
        <translation>月份 </translation>
    </message>
    <message>
        <source>Day </source>
        <translation>日 </translation>
    </message>
    <message>
        <source>Leap month</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>Solar %1</source>
        <translation>公历 %1</translation>
    </message>
</context>
<context>
    <name>SpecialDateList</name>
    <message>
        <source>Add date</source>
        <translation>添加日子</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>StorageDialogs</name>
    <message>
        <source>relbook: the book is damaged</source>
        <translation>relbook：客户簿已损坏</translation>
    </message>
    <message>
        <source>The book file %1 is damaged, so relbook has not opened it and has not changed it.</source>
        <translation>客户簿文件 %1 已损坏，因此 relbook 没有打开它，也没有对它做任何改动。</translation>
    </message>
    <message>
        <source>The newest good backup is %1.

Restore it? The damaged file is kept, renamed, in the same folder; changes made after the backup are not in it.</source>
        <translation>最新的完好备份是 %1。

要恢复这个备份吗？损坏的文件会改名后保留在同一文件夹中；备份之后所做的更改不在备份里。</translation>
    </message>
    <message>
        <source>Restore newest backup</source>
        <translation>恢复最新备份</translation>
    </message>
    <message>
        <source>No good backup was found. The damaged file is kept as it is; a specialist tool may be able to recover it.</source>
        <translation>没有找到完好的备份。损坏的文件原样保留；专业的数据恢复工具或许能修复它。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>relbook</source>
        <translation>relbook</translation>
    </message>
    <message>
        <source>The backup could not be restored:
%1</source>
        <translation>无法恢复备份：
%1</translation>
    </message>
    <message>
        <source>The backup was restored. The damaged file was kept as %1.</source>
        <translation>备份已恢复。损坏的文件已保留为 %1。</translation>
    </message>
    <message>
        <source>The book %1 is opened read-only because its file or folder cannot be written. You can look things up, but changes cannot be saved.</source>
        <translation>客户簿 %1 的文件或文件夹无法写入，因此以只读方式打开。你可以查阅内容，但无法保存更改。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Add a follow-up</source>
        <translation>添加跟进事项</translation>
    </message>
    <message>
        <source>e.g. call about the renewal</source>
        <translation>例如：打电话谈续约</translation>
    </message>
    <message>
        <source>At this exact time</source>
        <translation>在这个确切时间提醒</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>要做的事</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>往来</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Level changes</source>
        <translation>层级变化</translation>
    </message>
    <message>
        <source>Special days</source>
        <translation>特殊日子</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Press Ctrl+L to log a visit.</source>
        <translation>还没有记录。按 Ctrl+L 记录一次拜访。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>（截止 %1）</translation>
    </message>
    <message>
        <source>(done)</source>
        <translation>（已完成）</translation>
    </message>
    <message>
        <source>Also there</source>
        <translation>同在场</translation>
    </message>
    <message>
        <source>%1 CNY</source>
        <translation>%1 元</translation>
    </message>
</context>
<context>
    <name>TodayCommand</name>
    <message>
        <source>Due now (%1)</source>
        <translation>现在到期（%1）</translation>
    </message>
    <message>
        <source>Next 30 days (%1)</source>
        <translation>未来 30 天（%1）</translation>
    </message>
    <message>
        <source>Gone quiet (%1)</source>
        <translation>久未联系（%1）</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>逾期 %1 天</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Handle due reminders…</source>
        <translation>处理到期提醒…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
    <message>
        <source>Gone quiet</source>
        <translation>久未联系</translation>
    </message>
    <message>
        <source>Opening the book…</source>
        <translation>正在打开客户簿…</translation>
    </message>
    <message>
        <source>Today, %1: %2 due, %3 gone quiet</source>
        <translation>今天 %1：%2 条到期，%3 位久未联系</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 条</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Greet…</source>
        <translation>节日祝福…</translation>
    </message>
    <message>
        <source>Open contact</source>
        <translation>打开联系人</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>往来与礼品</translation>
    </message>
    <message>
        <source>%1 contacts are in the trash. Restore brings a contact back with its whole history.</source>
        <translation>回收站中有 %1 位联系人。恢复后，联系人的全部记录都会回来。</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Delete %1 contacts for good? This cannot be undone.</source>
        <translation>要永久删除这 %1 位联系人吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>TrashRecords</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>%1 interactions and gifts are in the trash.</source>
        <translation>回收站中有 %1 条往来和礼品记录。</translation>
    </message>
    <message>
        <source>No interactions or gifts are in the trash.</source>
        <translation>回收站中没有往来或礼品记录。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open relbook</source>
        <translation>打开 relbook</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>%1 reminders due today</source>
        <translation>今天有 %1 条提醒</translation>
    </message>
</context>
<context>
    <name>WinDialog</name>
    <message>
        <source>Mark as won</source>
        <translation>记为赢单</translation>
    </message>
    <message>
        <source>The purchase is recorded and a thank-you is due within two days.</source>
        <translation>将记录这笔购买，并提醒在两天内致谢。</translation>
    </message>
</context>
</TS>

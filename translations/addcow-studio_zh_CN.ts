<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddCow::AboutDialog</name>
    <message>
        <location filename="../app/aboutdialog.cpp" line="+28" />
        <source>About AddCow Studio</source>
        <translation>关于 AddCow Studio</translation>
    </message>
    <message>
        <location line="+7" />
        <source>AddCow Studio icon</source>
        <translation>AddCow Studio 图标</translation>
    </message>
    <message>
        <location line="+5" />
        <source>AddCow Studio %1</source>
        <translation>AddCow Studio %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Inspect, check and edit add-cow disk images: the header with every rule it breaks, the copy-on-write bitmap as a map, and the backing file, the image file and the virtual disk side by side. The addcow command-line tool does the same without a window.</source>
        <translation>检查、校验和编辑 add-cow 磁盘映像：显示文件头及其违反的每条规则、以图形显示写时复制位图，并并排显示后备文件、映像文件和虚拟磁盘。命令行工具 addcow 无需窗口即可完成相同的工作。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>License: GNU General Public License, version 2 or later (GPL-2.0-or-later).</source>
        <translation>许可证：GNU 通用公共许可证第 2 版或更高版本（GPL-2.0-or-later）。</translation>
    </message>
</context>
<context>
    <name>AddCow::CommitDialog</name>
    <message>
        <location filename="../app/commitdialog.cpp" line="+28" />
        <source>Commit to Raw</source>
        <translation>提交到 raw</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Copy every cluster the image file does not have yet from the backing file into the image file.&lt;/b&gt;&lt;br&gt;Afterwards the raw image file alone is the whole disk (R19); the virtual disk reads the same before, during and after.</source>
        <translation>&lt;b&gt;将映像文件中尚未包含的每个簇从后备文件复制到映像文件中。&lt;/b&gt;&lt;br&gt;之后仅 raw 映像文件就是整个磁盘（R19）；虚拟磁盘在提交之前、期间和之后读取的内容都相同。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Raw image file (written):</source>
        <translation>raw 映像文件（写入）：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backing file (read only):</source>
        <translation>后备文件（只读）：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>.add-cow file (bits set):</source>
        <translation>.add-cow 文件（置位）：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters to commit:</source>
        <translation>待提交的簇：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2 (%3 are in the image file already)</source>
        <translation>%2 个中的 %1 个（%3 个已在映像文件中）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Copied from the backing file:</source>
        <translation>从后备文件复制：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zeros past the backing file's end:</source>
        <translation>后备文件末尾之后的零：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The copy runs in the background in durable batches: data first, then the bits. Cancelling keeps what is done, and the next commit resumes from there. Holes that read as zeros on both sides are skipped.</source>
        <translation>复制在后台以持久化的批次进行：先写数据，再写位。取消会保留已完成的部分，下次提交从该处继续。两侧都读为零的空洞会被跳过。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
</context>
<context>
    <name>AddCow::CommitDoneDialog</name>
    <message>
        <location filename="../app/commitdonedialog.cpp" line="+22" />
        <source>&amp;Verify the raw image now (read every byte, SHA-256)</source>
        <translation>立即校验 raw 映像（读取每个字节，SHA-256）(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Remove the .add-cow file %1</source>
        <translation>删除 .add-cow 文件 %1(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Also remove the &amp;backing file %1</source>
        <translation>同时删除后备文件 %1(&amp;B)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Commit Finished</source>
        <translation>提交完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1 is now the whole disk.&lt;/b&gt;&lt;br&gt;Every cluster is in the raw image file and ALL_ALLOCATED is set (R14, R19): the .add-cow file and the backing file are no longer needed to read it.</source>
        <translation>&lt;b&gt;%1 现在就是整个磁盘。&lt;/b&gt;&lt;br&gt;每个簇都已在 raw 映像文件中，并且已设置 ALL_ALLOCATED（R14、R19）：读取它不再需要 .add-cow 文件和后备文件。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Other images may use the same backing file; it is only removed after a second confirmation.</source>
        <translation>其他映像可能使用同一个后备文件；只有在第二次确认后才会删除它。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Remove Backing File</source>
        <translation>删除后备文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the backing file %1?</source>
        <translation>删除后备文件 %1？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This cannot be undone. Any other image that uses it as its backing file loses its data.</source>
        <translation>此操作无法撤消。任何将其用作后备文件的其他映像都会丢失数据。</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizard</name>
    <message>
        <location filename="../app/createwizard.cpp" line="+30" />
        <source>New add-cow Image</source>
        <translation>新建 add-cow 映像</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Replace .add-cow File</source>
        <translation>替换 .add-cow 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 exists. Replace it? Its bitmap, and with it every cluster written through it, is lost.</source>
        <translation>%1 已存在。要替换吗？其位图以及通过它写入的每个簇都将丢失。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Create %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Creating failed: %1</source>
        <translation>创建失败：%1</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Close the Wizard</source>
        <translation>关闭向导</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Discard the settings of the new image?</source>
        <translation>放弃新映像的设置？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing has been created yet.</source>
        <translation>尚未创建任何内容。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Cancel Creating</source>
        <translation>取消创建</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop creating the image? What was made so far is removed.</source>
        <translation>停止创建映像？目前已生成的内容将被删除。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardAddCowPage</name>
    <message>
        <location filename="../app/createwizardaddcowpage.cpp" line="+34" />
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Replace the existing .add-cow file (its bitmap is lost)</source>
        <translation>替换现有的 .add-cow 文件（其位图将丢失）(&amp;R)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The .add-cow File</source>
        <translation>.add-cow 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The small file that holds the header and the copy-on-write bitmap: one bit per 64 KiB cluster saying whether the image file already has that cluster.</source>
        <translation>保存文件头和写时复制位图的小文件：每个 64 KiB 簇对应一位，表示映像文件是否已包含该簇。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;.add-cow file:</source>
        <translation>.add-cow 文件(&amp;.)：</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Choose the .add-cow File</source>
        <translation>选择 .add-cow 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>add-cow images (*.add-cow);;All files (*)</source>
        <translation>add-cow 映像 (*.add-cow);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Choose where to write the .add-cow file.</source>
        <translation>请选择 .add-cow 文件的写入位置。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The .add-cow file cannot be the image file.</source>
        <translation>.add-cow 文件不能是映像文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The .add-cow file cannot be the backing file.</source>
        <translation>.add-cow 文件不能是后备文件。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 already exists. Check “Replace” to overwrite it.</source>
        <translation>%1 已存在。勾选“替换”以覆盖它。</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardBackingPage</name>
    <message>
        <location filename="../app/createwizardbackingpage.cpp" line="+32" />
        <source>&amp;Use a backing file</source>
        <translation>使用后备文件(&amp;U)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Backing File</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The read-only file whose data the new image starts from. Clusters not yet written are read from it. Without a backing file every cluster comes from the image file.</source>
        <translation>新映像以其数据为起点的只读文件。尚未写入的簇从中读取。没有后备文件时，每个簇都来自映像文件。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Path of the backing file</source>
        <translation>后备文件的路径</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backing &amp;file:</source>
        <translation>后备文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Choose the Backing File</source>
        <translation>选择后备文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Disk images (*.raw *.img *.bin *.qcow2 *.vmdk *.vhdx *.vhd *.vdi);;All files (*)</source>
        <translation>磁盘映像 (*.raw *.img *.bin *.qcow2 *.vmdk *.vhdx *.vhd *.vdi);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Format: %1 (probed); asking QEMU about it…</source>
        <translation>格式：%1（探测所得）；正在向 QEMU 查询…</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Format: raw (probed)
Size: %1</source>
        <translation>格式：raw（探测所得）
大小：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Format: %1 (probed by QEMU, read through it)
Virtual size: %2 (the file holds %3)</source>
        <translation>格式：%1（由 QEMU 探测，通过 QEMU 读取）
虚拟大小：%2（文件占用 %3）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Backed by: %1 (%2)</source>
        <translation>后备于：%1（%2）</translation>
    </message>
    <message>
        <location line="-61" />
        <source>Choose the backing file, or uncheck “Use a backing file”.</source>
        <translation>请选择后备文件，或取消勾选“使用后备文件”。</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardImagePage</name>
    <message>
        <location filename="../app/createwizardimagepage.cpp" line="+58" />
        <source>The file system of %1 cannot hold a file of %2.</source>
        <translation>%1 所在的文件系统无法容纳 %2 的文件。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not enough free space in %1: the fully allocated image and its bitmap need %2, %3 is free.</source>
        <translation>%1 中的可用空间不足：完全分配的映像及其位图需要 %2，可用 %3。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not enough free space in %1 for the bitmap: a disk of %2 needs %3 of bitmap (one bit per 64 KiB cluster), %4 is free.</source>
        <translation>%1 中的可用空间不足以容纳位图：%2 的磁盘需要 %3 的位图（每个 64 KiB 簇一位），可用 %4。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Sparse: blocks are allocated when written</source>
        <translation>稀疏(&amp;S)：写入时才分配块</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Fully allocated: reserve every block now</source>
        <translation>完全分配(&amp;F)：立即预留每个块</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allow an image &amp;smaller than the backing file</source>
        <translation>允许映像小于后备文件(&amp;S)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Raw Image File</source>
        <translation>raw 映像文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file that receives every write. An existing file is used as it is, never truncated; a new one is created with the size you give.</source>
        <translation>接收所有写入的文件。现有文件按原样使用，绝不截断；新文件按您给出的大小创建。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Path of the raw image file (new or existing)</source>
        <translation>raw 映像文件的路径（新建或现有）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>e.g. 10G, 512M, 1.5T</source>
        <translation>例如 10G、512M、1.5T</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes, or a number with K, M, G or T (binary: 1K = 1024 bytes)</source>
        <translation>字节数，或带 K、M、G、T 的数字（二进制：1K = 1024 字节）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Warning: the part of the backing file past the image's end is no longer part of the disk.</source>
        <translation>警告：后备文件中超出映像末尾的部分将不再属于磁盘。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rule R%1: %2</source>
        <translation>规则 R%1：%2</translation>
    </message>
    <message>
        <location line="+117" />
        <source>The image file and the backing file are the same file; they must be different.</source>
        <translation>映像文件和后备文件是同一个文件；它们必须不同。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Existing file of %1: used as it is, never truncated or shrunk.</source>
        <translation>现有文件，大小 %1：按原样使用，从不截断或缩小。</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The image (%1) is smaller than the backing file (%2): the backing file's tail would be dropped.</source>
        <translation>映像（%1）小于后备文件（%2）：后备文件的尾部将被丢弃。</translation>
    </message>
    <message>
        <location line="-161" />
        <source>&amp;Image file:</source>
        <translation>映像文件(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Si&amp;ze:</source>
        <translation>大小(&amp;Z)：</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Choose the Raw Image File</source>
        <translation>选择 raw 映像文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Raw disk images (*.raw *.img);;All files (*)</source>
        <translation>raw 磁盘映像 (*.raw *.img);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Choose the raw image file.</source>
        <translation>请选择 raw 映像文件。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Enter the size of the new image file.</source>
        <translation>请输入新映像文件的大小。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is not a size: use bytes or a number with K, M, G or T.</source>
        <translation>“%1”不是有效大小：请使用字节数或带 K、M、G、T 的数字。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A new file of %1 is created.</source>
        <translation>将创建大小为 %1 的新文件。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Free space in %1: %2</source>
        <translation>%1 中的可用空间：%2</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardNamesPage</name>
    <message>
        <location filename="../app/createwizardnamespage.cpp" line="+41" />
        <source>&amp;Relative to the .add-cow file's folder (the three files can be moved together)</source>
        <translation>相对于 .add-cow 文件所在文件夹（三个文件可以一起移动）(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Absolute paths (the .add-cow file can be moved alone)</source>
        <translation>绝对路径（.add-cow 文件可以单独移动）(&amp;A)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Stored File Names</source>
        <translation>存储的文件名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The header stores the names of the image and backing files as bytes. A relative name is resolved against the folder of the .add-cow file, never the current folder.</source>
        <translation>文件头以字节形式存储映像文件和后备文件的名称。相对名称相对于 .add-cow 文件所在的文件夹解析，而不是当前文件夹。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Image file name</source>
        <translation>映像文件名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing file name</source>
        <translation>后备文件名</translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>“%1” — %n byte(s): %2</source>
        <translation>
            <numerusform>“%1” — %n 字节：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36" />
        <location line="+2" />
        <source>Stored: %1
Resolves to: %2</source>
        <translation>存储为：%1
解析为：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None: no backing file is stored (its offset and size are 0).</source>
        <translation>无：不存储后备文件（其偏移和大小均为 0）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The names take %1 bytes; at most %2 fit in the header. Use relative names or shorter paths.</source>
        <translation>名称占用 %1 字节；文件头最多容纳 %2 字节。请使用相对名称或更短的路径。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A name contains a NUL byte.</source>
        <translation>名称中包含 NUL 字节。</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardProgressPage</name>
    <message>
        <location filename="../app/createwizardprogresspage.cpp" line="+24" />
        <source>&amp;Change Settings and Try Again</source>
        <translation>更改设置并重试(&amp;C)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Back to the review, where Back leads to every earlier page</source>
        <translation>返回检查页面，从那里“上一步”可回到之前的每一页</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Creating</source>
        <translation>正在创建</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel stops the job and removes what it made so far.</source>
        <translation>取消会停止任务并删除其目前已生成的内容。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not Created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done: the new image is open in the inspector.</source>
        <translation>完成：新映像已在检查器中打开。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>What the job had made so far was removed; nothing half-made is left.</source>
        <translation>任务目前已生成的内容已被删除；不会留下任何未完成的文件。</translation>
    </message>
</context>
<context>
    <name>AddCow::CreateWizardReviewPage</name>
    <message>
        <location filename="../app/createwizardreviewpage.cpp" line="+33" />
        <source>Review</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing has been written yet. Create writes exactly this:</source>
        <translation>尚未写入任何内容。创建将准确写入以下内容：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>The .add-cow file</source>
        <translation>.add-cow 文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt;, %2: a 4096-byte header and a zeroed bitmap of %3 for %4 clusters of 64 KiB (R11).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%2：一个 4096 字节的文件头和一个 %3 的清零位图，对应 %4 个 64 KiB 簇（R11）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;Replaces the existing file&lt;/b&gt; of that name; its bitmap is lost.</source>
        <translation>&lt;b&gt;替换同名的现有文件&lt;/b&gt;；其位图将丢失。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Written to a temporary file first and renamed into place (R20).</source>
        <translation>先写入临时文件，再重命名到目标位置（R20）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image file name: %1</source>
        <translation>映像文件名：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image format: raw</source>
        <translation>映像格式：raw</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing file name: %1</source>
        <translation>后备文件名：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backing format: %1</source>
        <translation>后备格式：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Features: 0 (clusters are read from the backing file until written)</source>
        <translation>特性：0（簇在被写入之前从后备文件读取）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No backing file. Features: ALL_ALLOCATED (every cluster is read from the image file, R14)</source>
        <translation>无后备文件。特性：ALL_ALLOCATED（每个簇都从映像文件读取，R14）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The raw image file</source>
        <translation>raw 映像文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;%1&lt;/b&gt; exists (%2): used as it is, not written, never truncated (R20).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 已存在（%2）：按原样使用，不写入，绝不截断（R20）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&lt;b&gt;%1&lt;/b&gt; is created, %2, %3.</source>
        <translation>将创建 &lt;b&gt;%1&lt;/b&gt;，%2，%3。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>fully allocated</source>
        <translation>完全分配</translation>
    </message>
    <message>
        <location line="+0" />
        <source>sparse</source>
        <translation>稀疏</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Virtual disk size: %1 (the image file's size, R11)</source>
        <translation>虚拟磁盘大小：%1（映像文件的大小，R11）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3): only read, never written.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2，%3）：只读取，从不写入。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;b&gt;Forced:&lt;/b&gt; the last %1 of the backing file are not part of the disk (R20).</source>
        <translation>&lt;b&gt;强制：&lt;/b&gt;后备文件的最后 %1 不属于磁盘（R20）。</translation>
    </message>
</context>
<context>
    <name>AddCow::EditNamesDialog</name>
    <message>
        <location filename="../app/editnamesdialog.cpp" line="+45" />
        <source>Edit File Names</source>
        <translation>编辑文件名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change the names stored in %1, for example after the files were moved. Relative names are resolved against its folder. The header is rewritten whole and renamed into place; Edit › Undo File Name Change puts the old names back.</source>
        <translation>更改 %1 中存储的名称，例如在文件移动之后。相对名称相对于其所在文件夹解析。文件头会被整体重写并重命名到目标位置；“编辑 › 撤消文件名更改”可恢复旧名称。</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+55" />
        <source>No backing file</source>
        <translation>无后备文件</translation>
    </message>
    <message>
        <location line="-45" />
        <source>&amp;Image file name:</source>
        <translation>映像文件名(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Backing file name:</source>
        <translation>后备文件名(&amp;B)：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <location line="+42" />
        <source>The file name fields of %1 are broken, so the image cannot be opened. Enter the names to store: the header is rewritten whole, checked by the same rules as New Image, and renamed into place; Edit › Undo File Name Change puts the broken header back.</source>
        <translation>%1 的文件名字段已损坏，因此无法打开该映像。请输入要存储的名称：文件头将被整体重写，按与“新建映像”相同的规则检查，并重命名到目标位置；“编辑 › 撤消文件名更改”可恢复损坏的文件头。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>exists, %1</source>
        <translation>存在，%1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n byte(s); resolves to %1 (%2)</source>
        <translation>
            <numerusform>%n 字节；解析为 %1（%2）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the File</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The image file name is required.</source>
        <translation>映像文件名是必需的。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A name contains a NUL byte.</source>
        <translation>名称中包含 NUL 字节。</translation>
    </message>
    <message>
        <location line="-1" />
        <source>The names take %1 bytes; at most %2 fit in the header.</source>
        <translation>名称占用 %1 字节；文件头最多容纳 %2 字节。</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Enter the backing file name.</source>
        <translation>请输入后备文件名。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The image file %1 does not exist.</source>
        <translation>映像文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file %1 does not exist.</source>
        <translation>后备文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The image file and the backing file would be the same file.</source>
        <translation>映像文件和后备文件将是同一个文件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image file would be the .add-cow file itself.</source>
        <translation>映像文件将是 .add-cow 文件本身。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file would be the .add-cow file itself.</source>
        <translation>后备文件将是 .add-cow 文件本身。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The names are unchanged.</source>
        <translation>名称未更改。</translation>
    </message>
</context>
<context>
    <name>AddCow::FindingsView</name>
    <message>
        <location filename="../widgets/findingsview.cpp" line="+52" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+66" />
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location line="+13" />
        <source>bytes %1-%2</source>
        <translation>字节 %1-%2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+66" />
        <source>&amp;Copy Finding</source>
        <translation>复制发现的问题(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Message</source>
        <translation>复制消息(&amp;M)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy &amp;Value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show in &amp;Header</source>
        <translation>在文件头中显示(&amp;H)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show the &amp;Bytes</source>
        <translation>显示字节(&amp;B)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy &amp;All Findings</source>
        <translation>复制所有发现的问题(&amp;A)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No image checked</source>
        <translation>未检查映像</translation>
    </message>
</context>
<context>
    <name>AddCow::GoToDialog</name>
    <message>
        <location filename="../app/gotodialog.cpp" line="+25" />
        <source>&amp;Cluster</source>
        <translation>簇(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Offset in the virtual disk</source>
        <translation>虚拟磁盘中的偏移(&amp;O)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Go To</source>
        <translation>转到</translation>
    </message>
    <message>
        <location line="+2" />
        <source>123, 0x7b or 64K</source>
        <translation>123、0x7b 或 64K</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Go to:</source>
        <translation>转到：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Position:</source>
        <translation>位置(&amp;P)：</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Clusters 0 to %1.</source>
        <translation>簇 0 到 %1。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes 0 to %1.</source>
        <translation>字节 0 到 %1。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not a number: type 123, 0x7b or a size such as 64K.</source>
        <translation>不是数字：请输入 123、0x7b 或 64K 这样的大小。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Past the end of the disk.</source>
        <translation>超出磁盘末尾。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cluster %1.</source>
        <translation>簇 %1。</translation>
    </message>
</context>
<context>
    <name>AddCow::HeaderModel</name>
    <message>
        <location filename="../widgets/headermodel.cpp" line="+113" />
        <source>bit %1 (0x%2)</source>
        <translation>位 %1（0x%2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown bit %1 (0x%2)</source>
        <translation>未知位 %1（0x%2）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location line="+51" />
        <source>(missing: the file ends at byte %1)</source>
        <translation>（缺失：文件在字节 %1 处结束）</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1: header size %2 bytes</source>
        <translation>%1：文件头大小 %2 字节</translation>
    </message>
    <message>
        <location line="+6" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+7" />
        <source> (bytes after the NUL: "%1")</source>
        <translation>（NUL 之后的字节：“%1”）</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+71" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="-62" />
        <source> (cut off: %1 of %2 bytes are in the header)</source>
        <translation>（被截断：%2 字节中有 %1 字节在文件头内）</translation>
    </message>
    <message>
        <location line="+26" />
        <source>zero as far as read (%1 of %2 bytes)</source>
        <translation>已读部分全为零（%2 字节中的 %1 字节）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>zero outside the names</source>
        <translation>名称之外全为零</translation>
    </message>
    <message>
        <location line="+3" />
        <source>at %1: %2</source>
        <translation>位于 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n non-zero byte(s) outside the names, the first at byte %1</source>
        <translation>
            <numerusform>名称之外有 %n 个非零字节，第一个位于字节 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 clusters: %2 bytes of bits in a region of %3 bytes</source>
        <translation>%1 个簇：%3 字节区域中的 %2 字节位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>; the file holds %1 bytes of it</source>
        <translation>；文件中包含其中的 %1 字节</translation>
    </message>
    <message>
        <location line="+3" />
        <source>size unknown: the image file is not available; the file holds %1 bytes after the header</source>
        <translation>大小未知：映像文件不可用；文件在文件头之后有 %1 字节</translation>
    </message>
    <message>
        <location line="+3" />
        <source> (not consulted: ALL_ALLOCATED)</source>
        <translation>（未使用：ALL_ALLOCATED）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>(no usable name)</source>
        <translation>（无可用名称）</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1, bytes %2</source>
        <translation>%1，字节 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (R%2): %3</source>
        <translation>%1（R%2）：%3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>R%1: %2</source>
        <translation>R%1：%2</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Raw</source>
        <translation>原始值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+48" />
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+2" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2" />
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>AddCow::HeaderView</name>
    <message>
        <location filename="../widgets/headerview.cpp" line="+273" />
        <source>Copy &amp;Value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Raw Bytes</source>
        <translation>复制原始字节(&amp;R)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy R&amp;ow</source>
        <translation>复制行(&amp;O)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Copy &amp;Path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open Containing &amp;Folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapAxis</name>
    <message>
        <location filename="../widgets/heatmapaxis.cpp" line="+71" />
        <source>Offsets of the map's rows</source>
        <translation>簇图各行的偏移</translation>
    </message>
    <message>
        <location line="+37" />
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 EiB</source>
        <translation>%1 EiB</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 PiB</source>
        <translation>%1 PiB</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+44" />
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="-44" />
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapLegend</name>
    <message>
        <location filename="../widgets/heatmaplegend.cpp" line="+30" />
        <source>Cluster map legend</source>
        <translation>簇图图例</translation>
    </message>
    <message>
        <location line="+8" />
        <source>In the image file</source>
        <translation>在映像文件中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From the backing file</source>
        <translation>来自后备文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Backing file cannot be read</source>
        <translation>无法读取后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing file reads zeros</source>
        <translation>后备文件读出为零</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zeros (past the backing file, or none)</source>
        <translation>零（超出后备文件，或无后备文件）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Partly in the image file:</source>
        <translation>部分在映像文件中：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>a few</source>
        <translation>少量</translation>
    </message>
    <message>
        <location line="+0" />
        <source>nearly all</source>
        <translation>几乎全部</translation>
    </message>
    <message>
        <location line="+78" />
        <source>%1 clusters (%2) per row</source>
        <translation>每行 %1 个簇（%2）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>1 cluster (64 KiB) = %1 × %2 px, %3</source>
        <translation>1 个簇（64 KiB）= %1 × %2 像素，%3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>1 cell = %1 clusters (%2) = %3 × %4 px, %5</source>
        <translation>1 个单元格 = %1 个簇（%2）= %3 × %4 像素，%5</translation>
    </message>
    <message>
        <location line="-81" />
        <source>Unreadable (verify)</source>
        <translation>不可读（校验）</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapView</name>
    <message>
        <location filename="../widgets/heatmapview.cpp" line="+41" />
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Fit the whole map (0)</source>
        <translation>显示整个簇图 (0)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters per row of the map: a fixed length keeps the grid when zooming; Automatic fills the view and halves the rows as you zoom in</source>
        <translation>簇图每行的簇数：固定长度在缩放时保持网格不变；“自动”填满视图，并在放大时将行长减半</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clusters per row</source>
        <translation>每行簇数</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Row:</source>
        <translation>行(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>AddCow::HeatmapWidget</name>
    <message>
        <location filename="../widgets/heatmapwidget.cpp" line="+103" />
        <source>Cluster map</source>
        <translation>簇图</translation>
    </message>
    <message>
        <location line="+28" />
        <source>&amp;Shorter Rows</source>
        <translation>缩短行(&amp;S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Half as many clusters per row of the map</source>
        <translation>簇图每行的簇数减半</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Longer Rows</source>
        <translation>加长行(&amp;L)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Twice as many clusters per row of the map</source>
        <translation>簇图每行的簇数加倍</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Automatic Row Length</source>
        <translation>自动行长(&amp;A)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Rows as long as fills the view at Fit; zooming in halves them</source>
        <translation>行长以在“适应”时填满视图为准；放大时行长减半</translation>
    </message>
    <message>
        <location line="+293" />
        <source>Clusters %1 to %2 (%3)</source>
        <translation>簇 %1 到 %2（%3）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Allocated in the image file: %1 of %2 clusters</source>
        <translation>映像文件中已分配：%2 个簇中的 %1 个</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Click to select its clusters</source>
        <translation>单击以选择其中的簇</translation>
    </message>
    <message>
        <location line="+802" />
        <source>Select Cluster %1</source>
        <translation>选择簇 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select Clusters %1–%2</source>
        <translation>选择簇 %1–%2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>in the image file</source>
        <translation>在映像文件中</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not in the image file</source>
        <translation>不在映像文件中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select the Run of %1 Clusters %2</source>
        <translation>选择 %1 个簇的连续区段 %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Select %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Show in Hex Views</source>
        <translation>在十六进制视图中显示</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Copy Offset %1</source>
        <translation>复制偏移 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy Cluster Index %1</source>
        <translation>复制簇索引 %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Zoom In Here</source>
        <translation>在此处放大</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Fit the Whole Map</source>
        <translation>显示整个簇图</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Clusters per Row</source>
        <translation>每行簇数</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Automatic (fill the view)</source>
        <translation>自动（填满视图）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 clusters (%2)</source>
        <translation>%1 个簇（%2）</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Cluster %1</source>
        <translation>簇 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clusters %1 to %2 (%3 clusters)</source>
        <translation>簇 %1 到 %2（%3 个簇）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes %1 to %2 (%3)</source>
        <translation>字节 %1 到 %2（%3）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Source: image file (all allocated)</source>
        <translation>来源：映像文件（全部已分配）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source: image file</source>
        <translation>来源：映像文件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Source: backing file, which reads as zeros here</source>
        <translation>来源：后备文件，此处读出为零</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Source: backing file, which cannot be read</source>
        <translation>来源：后备文件，但无法读取</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Source: backing file, zeros from byte %1</source>
        <translation>来源：后备文件，自字节 %1 起为零</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Source: backing file</source>
        <translation>来源：后备文件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Source: zeros (past the end of the backing file)</source>
        <translation>来源：零（超出后备文件末尾）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source: zeros (no backing file)</source>
        <translation>来源：零（无后备文件）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Counting allocated clusters…</source>
        <translation>正在统计已分配的簇…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>under 0.1</source>
        <translation>低于 0.1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allocated in the image file: %1 of %2 clusters (%3%)</source>
        <translation>映像文件中已分配：%2 个簇中的 %1 个（%3%）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From the backing file, which cannot be read: %1</source>
        <translation>来自无法读取的后备文件：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From the backing file: %1, zeros: %2</source>
        <translation>来自后备文件：%1，零：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>Unreadable: %n cluster(s) failed verification</source>
        <translation>
            <numerusform>不可读：%n 个簇校验失败</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>No image open.</source>
        <translation>未打开映像。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Map of %1 clusters of 64 KiB; counting allocated clusters.</source>
        <translation>%1 个 64 KiB 簇的簇图；正在统计已分配的簇。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Map of %1 clusters of 64 KiB: %2 in the image file, %3 from the backing file, %4 zeros. Arrow keys move the cursor, Shift extends the selection, plus and minus zoom, 0 fits the whole map.</source>
        <translation>%1 个 64 KiB 簇的簇图：%2 个在映像文件中，%3 个来自后备文件，%4 个为零。方向键移动光标，Shift 扩展选区，加号和减号缩放，0 显示整个簇图。</translation>
    </message>
</context>
<context>
    <name>AddCow::HexBookmarksModel</name>
    <message>
        <location filename="../widgets/hexbookmarksmodel.cpp" line="+85" />
        <source>Bookmark at 0x%1</source>
        <translation>0x%1 处的书签</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Double-click to go there; F2 renames</source>
        <translation>双击转到该处；按 F2 重命名</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
</context>
<context>
    <name>AddCow::HexBookmarksView</name>
    <message>
        <location filename="../widgets/hexbookmarksview.cpp" line="+26" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmark the selected bytes, or the byte at the cursor (Ctrl+B)</source>
        <translation>为所选字节或光标处的字节添加书签 (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the selected bookmark (Delete)</source>
        <translation>删除所选书签 (Delete)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remove Bookmark</source>
        <translation>删除书签</translation>
    </message>
</context>
<context>
    <name>AddCow::HexChangesModel</name>
    <message>
        <location filename="../widgets/hexchangesmodel.cpp" line="+264" />
        <source>Clusters %1 to %2 were written and differ from the backing file; the differing bytes run from 0x%3 to 0x%4.</source>
        <translation>簇 %1 到 %2 已被写入且与后备文件不同；不同的字节从 0x%3 到 0x%4。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters %1 to %2 were written with the bytes they already had: allocated, unchanged.</source>
        <translation>簇 %1 到 %2 写入的字节与原有字节相同：已分配，未更改。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Allocated, unchanged</source>
        <translation>已分配，未更改</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clusters</source>
        <translation>簇</translation>
    </message>
</context>
<context>
    <name>AddCow::HexChangesView</name>
    <message>
        <location filename="../widgets/hexchangesview.cpp" line="+68" />
        <location line="+121" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="-121" />
        <location line="+122" />
        <source>Stop scanning for changes</source>
        <translation>停止扫描更改</translation>
    </message>
    <message>
        <location line="-121" />
        <source>Previous</source>
        <translation>上一处</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the previous change before the cursor</source>
        <translation>转到光标之前的上一处更改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next</source>
        <translation>下一处</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the next change after the cursor</source>
        <translation>转到光标之后的下一处更改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show allocated, unchanged</source>
        <translation>显示已分配但未更改的簇</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Change scan progress</source>
        <translation>更改扫描进度</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Also list clusters that were written with the bytes they already had</source>
        <translation>同时列出写入内容与原有字节相同的簇</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+68" />
        <source>No image.</source>
        <translation>无映像。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Committed: the raw image file is the whole disk and the backing file is not read (ALL_ALLOCATED), so there is nothing to compare with.</source>
        <translation>已提交：raw 映像文件就是整个磁盘，且不再读取后备文件（ALL_ALLOCATED），因此没有可比较的对象。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backing file cannot be read, so written clusters cannot be compared with what they replaced. Locate the backing file to see the changes.</source>
        <translation>无法读取后备文件，因此无法将写入的簇与其替换的内容进行比较。请定位后备文件以查看更改。</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 处更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>in %n cluster(s)</source>
        <translation>
            <numerusform>分布于 %n 个簇</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n cluster(s) allocated, unchanged</source>
        <translation>
            <numerusform>%n 个簇已分配但未更改</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>No backing file: written clusters are compared with zeros.</source>
        <translation>无后备文件：已写入的簇与零进行比较。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The scan failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stopped: part of the disk is not scanned yet.</source>
        <translation>已停止：磁盘尚有部分未扫描。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scan the rest of the disk for changes</source>
        <translation>扫描磁盘的其余部分以查找更改</translation>
    </message>
</context>
<context>
    <name>AddCow::HexInspectorModel</name>
    <message>
        <location filename="../widgets/hexinspectormodel.cpp" line="+219" />
        <source>Binary 8-bit</source>
        <translation>8 位二进制</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Octal 8-bit</source>
        <translation>8 位八进制</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hexadecimal 8-bit</source>
        <translation>8 位十六进制</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 8-bit</source>
        <translation>8 位有符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 8-bit</source>
        <translation>8 位无符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 16-bit</source>
        <translation>16 位有符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 16-bit</source>
        <translation>16 位无符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 32-bit</source>
        <translation>32 位有符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 32-bit</source>
        <translation>32 位无符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed 64-bit</source>
        <translation>64 位有符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unsigned 64-bit</source>
        <translation>64 位无符号整数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Float 32-bit</source>
        <translation>32 位浮点数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Float 64-bit</source>
        <translation>64 位浮点数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Character 8-bit</source>
        <translation>8 位字符</translation>
    </message>
    <message>
        <location line="+2" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+2" />
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message numerus="yes">
        <location line="+32" />
        <source>Needs %n byte(s); the data ends before.</source>
        <translation>
            <numerusform>需要 %n 字节；数据在此之前已结束。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not valid text here.</source>
        <translation>此处不是有效文本。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Little-endian</source>
        <translation>小端序</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Big-endian</source>
        <translation>大端序</translation>
    </message>
</context>
<context>
    <name>AddCow::HexInspectorView</name>
    <message>
        <location filename="../widgets/hexinspectorview.cpp" line="+34" />
        <source>Data inspector</source>
        <translation>数据检查器</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The bytes at the cursor read as each type; select a row and copy it with Ctrl+C</source>
        <translation>光标处的字节按各类型解读的结果；选中一行后按 Ctrl+C 复制</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy Value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1, offset 0x%2: past the end</source>
        <translation>%1，偏移 0x%2：超出末尾</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1, offset 0x%2 (%3)</source>
        <translation>%1，偏移 0x%2（%3）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Place the cursor in a hex view to read the bytes there.</source>
        <translation>将光标置于十六进制视图中，即可读取该处的字节。</translation>
    </message>
</context>
<context>
    <name>AddCow::HexPanel</name>
    <message>
        <location filename="../widgets/hexpanel.cpp" line="+102" />
        <location line="+409" />
        <location line="+51" />
        <source>Backing file</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="-459" />
        <source>File Bytes</source>
        <translation>文件字节</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show the backing file's own bytes instead of the disk it holds</source>
        <translation>显示后备文件自身的字节，而不是其所含的磁盘</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+371" />
        <location line="+89" />
        <source>Raw image file</source>
        <translation>raw 映像文件</translation>
    </message>
    <message>
        <location line="-459" />
        <location line="+371" />
        <location line="+89" />
        <source>Virtual disk</source>
        <translation>虚拟磁盘</translation>
    </message>
    <message>
        <location line="-458" />
        <source>Link</source>
        <translation>联动</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Scroll the three views together</source>
        <translation>三个视图一起滚动</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stop the search</source>
        <translation>停止搜索</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Backing file bytes</source>
        <translation>后备文件字节</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Raw image file bytes</source>
        <translation>raw 映像文件字节</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Virtual disk bytes</source>
        <translation>虚拟磁盘字节</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Go to offset (0x1000, 4096, 4K)</source>
        <translation>转到偏移（0x1000、4096、4K）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Go to offset</source>
        <translation>转到偏移</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Search pattern</source>
        <translation>搜索模式串</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hex bytes</source>
        <translation>十六进制字节</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Search progress</source>
        <translation>搜索进度</translation>
    </message>
    <message>
        <location line="+202" />
        <source>%1 could not be opened again for reading.</source>
        <translation>无法再次以读取方式打开 %1。</translation>
    </message>
    <message>
        <location line="+125" />
        <source>Backing file (none)</source>
        <translation>后备文件（无）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Backing file: %1</source>
        <translation>后备文件：%1</translation>
    </message>
    <message>
        <location line="-54" />
        <source>Raw image file: %1</source>
        <translation>raw 映像文件：%1</translation>
    </message>
    <message>
        <location line="-357" />
        <source>Previous change</source>
        <translation>上一处更改</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the previous written bytes that differ from the backing file</source>
        <translation>转到上一处已写入且与后备文件不同的字节</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next change</source>
        <translation>下一处更改</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Go to the next written bytes that differ from the backing file</source>
        <translation>转到下一处已写入且与后备文件不同的字节</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Search options</source>
        <translation>搜索选项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Ignore Case</source>
        <translation>忽略大小写(&amp;I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Wrap Around</source>
        <translation>循环查找(&amp;W)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find the next match after the cursor (F3)</source>
        <translation>从光标之后查找下一个匹配项 (F3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find All</source>
        <translation>全部查找</translation>
    </message>
    <message>
        <location line="+0" />
        <source>List every match (Ctrl+Shift+F)</source>
        <translation>列出所有匹配项 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes per row; Auto shows as many as let the three views fit</source>
        <translation>每行字节数；“自动”显示三个视图所能容纳的最多字节数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bytes per row</source>
        <translation>每行字节数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Text (UTF-8)</source>
        <translation>文本（UTF-8）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text (UTF-16 LE)</source>
        <translation>文本（UTF-16 LE）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text (UTF-16 BE)</source>
        <translation>文本（UTF-16 BE）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search for</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in virtual disk</source>
        <translation>在虚拟磁盘中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in raw image file</source>
        <translation>在 raw 映像文件中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in backing file</source>
        <translation>在后备文件中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search in</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text matches in upper and lower case</source>
        <translation>文本匹配时不区分大小写</translation>
    </message>
    <message>
        <location line="+5" />
        <source>After the end, go on from the start</source>
        <translation>到达末尾后从开头继续</translation>
    </message>
    <message>
        <location line="+99" />
        <location line="+725" />
        <source>Bookmarked 0x%1.</source>
        <translation>已为 0x%1 添加书签。</translation>
    </message>
    <message>
        <location line="-719" />
        <source>Copied the first %1 of %2 selected bytes.</source>
        <translation>已复制所选 %2 字节中的前 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Copied %n byte(s).</source>
        <translation>
            <numerusform>已复制 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+187" />
        <source>Virtual disk (%1 bytes; ·· where the backing file cannot be read)</source>
        <translation>虚拟磁盘（%1 字节；·· 表示无法读取后备文件之处）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Virtual disk (%1 bytes)</source>
        <translation>虚拟磁盘（%1 字节）</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Backing disk cannot be read: %1</source>
        <translation>无法读取后备磁盘：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Backing file, its own %1 bytes: %2</source>
        <translation>后备文件，其自身的 %1 字节：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing disk, as the guest sees it (%1): %2</source>
        <translation>后备磁盘，客户机所见（%1）：%2</translation>
    </message>
    <message>
        <location line="+48" />
        <source>backing file</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>raw image file</source>
        <translation>raw 映像文件</translation>
    </message>
    <message>
        <location line="+4" />
        <source>virtual disk</source>
        <translation>虚拟磁盘</translation>
    </message>
    <message>
        <location line="+108" />
        <source>Go to Cluster</source>
        <translation>转到簇</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cluster (0 to %1, decimal or 0x hex):</source>
        <translation>簇（0 到 %1，十进制或 0x 十六进制）：</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Not a cluster of this disk: %1</source>
        <translation>不是此磁盘的簇：%1</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Bytes per &amp;Row</source>
        <translation>每行字节数(&amp;R)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Auto</source>
        <translation>自动(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;8</source>
        <translation>&amp;8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;16</source>
        <translation>&amp;16</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;32</source>
        <translation>&amp;32</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Saving failed: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>Saved %n edited byte(s).</source>
        <translation>
            <numerusform>已保存 %n 个编辑过的字节。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>No further change found yet: the scan is still running.</source>
        <translation>尚未找到后续更改：扫描仍在进行。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No further change in the part scanned so far.</source>
        <translation>在目前已扫描的部分中没有后续更改。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No more changes after the cursor.</source>
        <translation>光标之后没有更多更改。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No earlier change found yet: the scan is still running.</source>
        <translation>尚未找到之前的更改：扫描仍在进行。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No more changes before the cursor.</source>
        <translation>光标之前没有更多更改。</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>Change %1 of %2: %n byte(s) from 0x%3, clusters %4 to %5.</source>
        <translation>
            <numerusform>第 %1 处更改（共 %2 处）：从 0x%3 起的 %n 字节，簇 %4 到 %5。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68" />
        <source>Searching the %1…</source>
        <translation>正在搜索%1…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Finding all in the %1…</source>
        <translation>正在%1中全部查找…</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+11" />
        <source>Type what to search for.</source>
        <translation>请输入要搜索的内容。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Found at 0x%1 in the %2, after wrapping around to the start.</source>
        <translation>已回到开头继续查找，在%2的 0x%1 处找到。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Found at 0x%1 in the %2.</source>
        <translation>在%2的 0x%1 处找到。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>%1: 0x%2</source>
        <translation>%1：0x%2</translation>
    </message>
    <message>
        <location line="-36" />
        <source>Search cancelled.</source>
        <translation>搜索已取消。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location line="+89" />
        <source>Not an offset: %1</source>
        <translation>不是偏移：%1</translation>
    </message>
    <message>
        <location line="-125" />
        <location line="+11" />
        <source>Not hex bytes: %1</source>
        <translation>不是十六进制字节：%1</translation>
    </message>
</context>
<context>
    <name>AddCow::HexSearchResultsModel</name>
    <message>
        <location filename="../widgets/hexsearchresultsmodel.cpp" line="+167" />
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cluster</source>
        <translation>簇</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes there (ASCII)</source>
        <translation>该处的字节（ASCII）</translation>
    </message>
</context>
<context>
    <name>AddCow::HexSearchResultsView</name>
    <message>
        <location filename="../widgets/hexsearchresultsview.cpp" line="+35" />
        <source>Find All progress</source>
        <translation>全部查找进度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop searching; the hits found so far stay</source>
        <translation>停止搜索；已找到的结果会保留</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Find All lists every hit here.</source>
        <translation>“全部查找”会在此处列出所有结果。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n hit(s) in the %1</source>
        <translation>
            <numerusform>在%1中找到 %n 个结果</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cancelled: there may be more.</source>
        <translation>已取消：可能还有更多结果。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>stopped at %1: there may be more.</source>
        <translation>已在 %1 个结果处停止：可能还有更多结果。</translation>
    </message>
</context>
<context>
    <name>AddCow::HexView</name>
    <message>
        <location filename="../widgets/hexeditcommand.cpp" line="+18" />
        <source>Edit byte at 0x%1</source>
        <translation>编辑 0x%1 处的字节</translation>
    </message>
    <message>
        <location filename="../widgets/hexview.cpp" line="+76" />
        <source>Hex view</source>
        <translation>十六进制视图</translation>
    </message>
    <message>
        <location line="+311" />
        <source>Copy as &amp;Hex</source>
        <translation>复制为十六进制(&amp;H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy as &amp;C Array</source>
        <translation>复制为 C 数组(&amp;C)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy as &amp;Base64</source>
        <translation>复制为 Base64(&amp;B)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Select Cluster %1</source>
        <translation>选择簇 %1(&amp;S)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Go to Cluster…</source>
        <translation>转到簇(&amp;G)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Show in &amp;Heatmap</source>
        <translation>在热图中显示(&amp;H)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Add &amp;Bookmark</source>
        <translation>添加书签(&amp;B)</translation>
    </message>
</context>
<context>
    <name>AddCow::ImageActions</name>
    <message>
        <location filename="../app/imageactions.cpp" line="+109" />
        <source>&amp;New Image…</source>
        <translation>新建映像(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Create an add-cow image over a backing file</source>
        <translation>在后备文件之上创建 add-cow 映像</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Commit to Raw…</source>
        <translation>提交到 raw(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+219" />
        <location line="+30" />
        <location line="+61" />
        <source>Commit to Raw</source>
        <translation>提交到 raw</translation>
    </message>
    <message>
        <location line="-306" />
        <source>&amp;Verify…</source>
        <translation>校验(&amp;V)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Locate Backing File…</source>
        <translation>定位后备文件(&amp;L)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Edit File &amp;Names…</source>
        <translation>编辑文件名(&amp;N)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Undo File Name Change</source>
        <translation>撤消文件名更改</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Redo File Name Change</source>
        <translation>重做文件名更改</translation>
    </message>
    <message>
        <location line="+61" />
        <location line="+39" />
        <location line="+13" />
        <source>No image is open.</source>
        <translation>没有打开的映像。</translation>
    </message>
    <message>
        <location line="-50" />
        <location line="+39" />
        <location line="+13" />
        <source>The image is being opened.</source>
        <translation>正在打开映像。</translation>
    </message>
    <message>
        <location line="-50" />
        <source>The image cannot be read: %1</source>
        <translation>无法读取映像：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file cannot be read, and a commit copies its data: %1</source>
        <translation>无法读取后备文件，而提交需要复制其数据：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image has errors; see the Findings panel. Only an image without errors can be committed.</source>
        <translation>映像有错误；请查看“发现的问题”面板。只有没有错误的映像才能提交。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Already committed: the raw image file is the whole disk (ALL_ALLOCATED, R14).</source>
        <translation>已提交：raw 映像文件就是整个磁盘（ALL_ALLOCATED，R14）。</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+48" />
        <source>The image is open for editing; turn off Edit › Allow Editing first.</source>
        <translation>映像已以编辑方式打开；请先关闭“编辑 › 允许编辑”。</translation>
    </message>
    <message>
        <location line="-46" />
        <location line="+48" />
        <source>A job is running on this image.</source>
        <translation>此映像上有任务正在运行。</translation>
    </message>
    <message>
        <location line="-44" />
        <source>The image file %1 is missing.</source>
        <translation>映像文件 %1 缺失。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file %1 is missing.</source>
        <translation>后备文件 %1 缺失。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is read-only; the commit writes to it.</source>
        <translation>%1 是只读的；提交需要写入它。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is open for writing in another program (for example a virtual machine). Close it first.</source>
        <translation>%1 已在其他程序（例如虚拟机）中以写入方式打开。请先关闭它。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>A verify is running.</source>
        <translation>校验正在进行。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file cannot be read, and a verify reads the whole disk: %1</source>
        <translation>无法读取后备文件，而校验需要读取整个磁盘：%1</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+14" />
        <source>The header's names cannot be read.</source>
        <translation>无法读取文件头中的名称。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The image has no backing file.</source>
        <translation>映像没有后备文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backing file %1 is where the header says.</source>
        <translation>后备文件 %1 位于文件头所指的位置。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Copy the clusters still read from the backing file into the raw image file, so it alone is the whole disk (R19)</source>
        <translation>将仍从后备文件读取的簇复制到 raw 映像文件中，使其单独成为整个磁盘（R19）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check every rule and read the whole virtual disk: findings, unreadable ranges and its SHA-256</source>
        <translation>检查每条规则并读取整个虚拟磁盘：发现的问题、不可读范围及其 SHA-256</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change the stored image and backing file names, for example after the files moved</source>
        <translation>更改存储的映像文件和后备文件名称，例如在文件移动之后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backing file is missing or cannot be read: choose where it is now</source>
        <translation>后备文件缺失或无法读取：请选择它现在所在的位置</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file names are being rewritten.</source>
        <translation>正在重写文件名。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No file name change to undo.</source>
        <translation>没有可撤消的文件名更改。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put back the file names as they were before: %1</source>
        <translation>恢复之前的文件名：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No file name change to redo.</source>
        <translation>没有可重做的文件名更改。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apply the undone file name change again: %1</source>
        <translation>再次应用已撤消的文件名更改：%1</translation>
    </message>
    <message>
        <location line="+36" />
        <location line="+30" />
        <source>%1 cannot be committed.</source>
        <translation>无法提交 %1。</translation>
    </message>
    <message>
        <location line="-22" />
        <source>Working out what the commit has to copy…</source>
        <translation>正在计算提交需要复制的内容…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Commit %1 to %2</source>
        <translation>将 %1 提交到 %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The clusters copied so far are kept; Commit to Raw resumes from there.</source>
        <translation>已复制的簇会保留；“提交到 raw”将从那里继续。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Commit finished: the raw image file is the whole disk</source>
        <translation>提交完成：raw 映像文件就是整个磁盘</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Commit cancelled: the clusters copied so far are kept; Commit to Raw resumes from there</source>
        <translation>提交已取消：已复制的簇会保留；“提交到 raw”将从该处继续</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The commit of %1 failed.</source>
        <translation>%1 的提交失败。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1

The clusters committed before the error are kept; the image stays consistent.</source>
        <translation>%1

出错前已提交的簇会保留；映像保持一致。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Remove Files</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Some files could not be removed.</source>
        <translation>部分文件无法删除。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location line="-335" />
        <location line="+344" />
        <location line="+28" />
        <location line="+55" />
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="-83" />
        <source>The image cannot be verified now.</source>
        <translation>现在无法校验映像。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Verify %1</source>
        <translation>校验 %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Verify cancelled</source>
        <translation>校验已取消</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 could not be verified.</source>
        <translation>无法校验 %1。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1: no problems found.</source>
        <translation>%1：未发现问题。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 error(s), %3 warning(s), %4 unreadable range(s).</source>
        <translation>%1：%2 个错误，%3 个警告，%4 个不可读范围。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>SHA-256 of the virtual disk:
%1</source>
        <translation>虚拟磁盘的 SHA-256：
%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The data pass did not run to the end; no SHA-256.</source>
        <translation>数据遍历未完成；没有 SHA-256。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unreadable: bytes 0x%1–0x%2 (%3)</source>
        <translation>不可读：字节 0x%1–0x%2（%3）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>… and %1 more unreadable ranges (marked in the map)</source>
        <translation>……以及另外 %1 个不可读范围（已在簇图中标出）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The findings are listed in the Findings panel.</source>
        <translation>发现的问题列在“发现的问题”面板中。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The verify found problems: no file was removed</source>
        <translation>校验发现问题：未删除任何文件</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+80" />
        <location line="+38" />
        <source>Edit File Names</source>
        <translation>编辑文件名</translation>
    </message>
    <message>
        <location line="-118" />
        <location line="+80" />
        <source>The file names cannot be changed now.</source>
        <translation>现在无法更改文件名。</translation>
    </message>
    <message>
        <location line="-61" />
        <location line="+24" />
        <location line="+8" />
        <source>Locate Backing File</source>
        <translation>定位后备文件</translation>
    </message>
    <message>
        <location line="-32" />
        <source>The backing file cannot be changed now.</source>
        <translation>现在无法更改后备文件。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Locate the Backing File “%1”</source>
        <translation>定位后备文件“%1”</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+8" />
        <source>%1 cannot be the backing file of %2.</source>
        <translation>%1 不能作为 %2 的后备文件。</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Rewrite the file names in %1</source>
        <translation>重写 %1 中的文件名</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The file names in %1 could not be rewritten; the file is unchanged.</source>
        <translation>无法重写 %1 中的文件名；文件未更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>File names rewritten</source>
        <translation>文件名已重写</translation>
    </message>
</context>
<context>
    <name>AddCow::JobPanel</name>
    <message>
        <location filename="../widgets/jobpanel.cpp" line="+49" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time Left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Cancel Job…</source>
        <translation>取消任务…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop the selected job; what it has done so far stays consistent</source>
        <translation>停止所选任务；其已完成的部分保持一致</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show Report…</source>
        <translation>显示报告…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show what the selected job did</source>
        <translation>显示所选任务执行的操作</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Clear Finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove finished jobs from the list</source>
        <translation>从列表中删除已完成的任务</translation>
    </message>
    <message>
        <location line="+73" />
        <source>The files stay consistent.</source>
        <translation>文件保持一致。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel Job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location line="+214" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="-75" />
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="-139" />
        <source>Cancel “%1”?</source>
        <translation>取消“%1”？</translation>
    </message>
    <message>
        <location line="+61" />
        <source>&amp;Cancel Job…</source>
        <translation>取消任务(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show &amp;Report…</source>
        <translation>显示报告(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save Report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy &amp;Description</source>
        <translation>复制描述(&amp;D)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy &amp;Path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;lear Finished</source>
        <translation>清除已完成(&amp;L)</translation>
    </message>
    <message>
        <location line="+100" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done with warnings</source>
        <translation>完成，有警告</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done, problems found</source>
        <translation>完成，发现问题</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Serving</source>
        <translation>正在提供服务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 (%2 %)</source>
        <translation>%1（%2%）</translation>
    </message>
</context>
<context>
    <name>AddCow::LanguageDialog</name>
    <message>
        <location filename="../app/languagedialog.cpp" line="+39" />
        <source>Switch Application Language</source>
        <translation>切换应用程序语言</translation>
    </message>
    <message>
        <location line="+3" />
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The new language is used from the next start of AddCow Studio.</source>
        <translation>新语言将在下次启动 AddCow Studio 时生效。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>AddCow::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+110" />
        <location line="+628" />
        <source>AddCow Studio</source>
        <translation>AddCow Studio</translation>
    </message>
    <message>
        <location line="-583" />
        <source>Job started; see the Jobs panel</source>
        <translation>任务已开始；请查看“任务”面板</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+580" />
        <source>No image open</source>
        <translation>未打开映像</translation>
    </message>
    <message>
        <location line="-643" />
        <source>Open an add-cow image with File › Open (%1), pick one from File › Open Recent, or drop a .add-cow file here.</source>
        <translation>通过“文件 › 打开”（%1）打开 add-cow 映像，从“文件 › 最近打开”中选择一个，或将 .add-cow 文件拖放到此处。</translation>
    </message>
    <message>
        <location line="+97" />
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+102" />
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Header</source>
        <translation>文件头</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search Results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location line="+74" />
        <source>%1: bytes %2–%3</source>
        <translation>%1：字节 %2–%3</translation>
    </message>
    <message>
        <location line="+24" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open an add-cow image</source>
        <translation>打开 add-cow 映像</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Read the image again from disk</source>
        <translation>从磁盘重新读取映像</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Close Image</source>
        <translation>关闭映像(&amp;C)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export Heatmap as &amp;PNG…</source>
        <translation>将热图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export Map as &amp;JSON…</source>
        <translation>将簇图导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export Map as &amp;CSV…</source>
        <translation>将簇图导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Go To…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+410" />
        <source>Go to a cluster or an offset of the virtual disk</source>
        <translation>转到虚拟磁盘的某个簇或偏移</translation>
    </message>
    <message>
        <location line="-407" />
        <source>Allow &amp;Editing</source>
        <translation>允许编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Write Edits to Disk</source>
        <translation>将编辑写入磁盘(&amp;W)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Undo</source>
        <translation>撤消(&amp;U)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;About AddCow Studio</source>
        <translation>关于 AddCow Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+20" />
        <source>&amp;Image</source>
        <translation>映像(&amp;I)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;What is add-cow?</source>
        <translation>什么是 add-cow？(&amp;W)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Switch Application &amp;Language…</source>
        <translation>切换应用程序语言(&amp;L)…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Open add-cow Image</source>
        <translation>打开 add-cow 映像</translation>
    </message>
    <message>
        <location line="+2" />
        <source>add-cow images (*.add-cow);;All files (*)</source>
        <translation>add-cow 映像 (*.add-cow);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+1" />
        <location line="+3" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Cannot Open Image</source>
        <translation>无法打开映像</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 cannot be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 — AddCow Studio</source>
        <translation>%1 — AddCow Studio</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The backing file cannot be read: %1
The map and the raw image file are shown; the bytes the virtual disk takes from the backing file are not (·· in the hex views).</source>
        <translation>无法读取后备文件：%1
已显示映射图和 raw 映像文件；虚拟磁盘取自后备文件的字节无法显示（十六进制视图中显示为 ··）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opened %1 without its backing file</source>
        <translation>已打开 %1，但没有其后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opened %1; see the Findings panel for what the check found</source>
        <translation>已打开 %1；检查结果请查看“发现的问题”面板</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opened %1; no problems found</source>
        <translation>已打开 %1；未发现问题</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The image cannot be opened.</source>
        <translation>无法打开映像。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only the header of %1 can be shown</source>
        <translation>只能显示 %1 的文件头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The virtual disk cannot be read, so the map and the hex views are off:
%1

The Header and Findings panels show what is stored and every rule it breaks.</source>
        <translation>无法读取虚拟磁盘，因此簇图和十六进制视图已关闭：
%1

“文件头”和“发现的问题”面板显示存储的内容及其违反的每条规则。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Opened %1 header-only; the disk cannot be read</source>
        <translation>已仅以文件头方式打开 %1；无法读取磁盘</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 stays open for writing.</source>
        <translation>%1 保持以写入方式打开。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 was removed or renamed by another program. What is shown is the file as it was opened.</source>
        <translation>%1 已被其他程序删除或重命名。显示的是打开时的文件内容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 was replaced or changed by another program. Reopen the image to see it as it is now.</source>
        <translation>%1 已被其他程序替换或更改。请重新打开映像以查看其当前内容。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No image is open</source>
        <translation>没有打开的映像</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only the header can be shown: %1</source>
        <translation>只能显示文件头：%1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Save the whole map as a PNG picture</source>
        <translation>将整个簇图保存为 PNG 图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the runs of image, backing and zero data as JSON</source>
        <translation>将映像、后备和零数据的区段保存为 JSON</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the runs of image, backing and zero data as CSV</source>
        <translation>将映像、后备和零数据的区段保存为 CSV</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show fewer clusters per block</source>
        <translation>每个块显示更少的簇</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show more clusters per block</source>
        <translation>每个块显示更多的簇</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fit the whole disk in the map</source>
        <translation>在簇图中显示整个磁盘</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Open the image for writing and type into the virtual disk view (copy-on-write, R18)</source>
        <translation>以写入方式打开映像，并在虚拟磁盘视图中输入（写时复制，R18）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backing file cannot be read, and writes copy its bytes: %1</source>
        <translation>无法读取后备文件，而写入需要复制其字节：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Write the pending edits to the image file, then set their bitmap bits (R18)</source>
        <translation>将待写入的编辑写入映像文件，然后设置其位图位（R18）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allow editing first (Edit › Allow Editing)</source>
        <translation>请先允许编辑（编辑 › 允许编辑）</translation>
    </message>
    <message numerus="yes">
        <location line="+187" />
        <source>Wrote %n edited byte(s)</source>
        <translation>
            <numerusform>已写入 %n 个编辑过的字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="-131" />
        <source>bytes %1–%2</source>
        <translation>字节 %1–%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cluster %1 (%2, %3)</source>
        <translation>簇 %1（%2，%3）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters %1–%2 (%3 clusters, %4)</source>
        <translation>簇 %1–%2（%3 个簇，%4）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Offset %1 (cluster %2)</source>
        <translation>偏移 %1（簇 %2）</translation>
    </message>
    <message>
        <location line="+61" />
        <location line="+13" />
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="-12" />
        <source>The virtual disk has edits that are not written yet. Write them now?</source>
        <translation>虚拟磁盘有尚未写入的编辑。现在写入吗？</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+37" />
        <source>The edits could not be written:
%1</source>
        <translation>无法写入编辑：
%1</translation>
    </message>
    <message>
        <location line="-273" />
        <source>Opening %1 for writing…</source>
        <translation>正在以写入方式打开 %1…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Allow Editing</source>
        <translation>允许编辑</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 cannot be opened for writing.</source>
        <translation>无法以写入方式打开 %1。</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Editing: type into the virtual disk view, then Edit › Write Edits to Disk (%1)</source>
        <translation>编辑中：在虚拟磁盘视图中输入，然后选择“编辑 › 将编辑写入磁盘”（%1）</translation>
    </message>
    <message>
        <location line="+102" />
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 does not exist any more.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <location line="+164" />
        <source>Write Edits</source>
        <translation>写入编辑</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+9" />
        <source>Export Heatmap</source>
        <translation>导出热图</translation>
    </message>
    <message>
        <location line="-7" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Saved the heatmap to %1</source>
        <translation>已将热图保存到 %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export Map as JSON</source>
        <translation>将簇图导出为 JSON</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export Map as CSV</source>
        <translation>将簇图导出为 CSV</translation>
    </message>
    <message>
        <location line="+2" />
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Export the map of %1 as JSON</source>
        <translation>将 %1 的簇图导出为 JSON</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export the map of %1 as CSV</source>
        <translation>将 %1 的簇图导出为 CSV</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Jobs Are Running</source>
        <translation>有任务正在运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Some jobs have not finished. Cancel them and quit?

Cancelled jobs leave the files consistent; a commit can be resumed later.</source>
        <translation>部分任务尚未完成。取消它们并退出吗？

已取消的任务会保持文件一致；提交可以稍后继续。</translation>
    </message>
</context>
<context>
    <name>AddCow::NameChangeCommand</name>
    <message>
        <location filename="../app/namechangecommand.cpp" line="+16" />
        <source>File Name Change</source>
        <translation>文件名更改</translation>
    </message>
</context>
<context>
    <name>AddCow::PartitionsPanel</name>
    <message>
        <location filename="../app/partitionspanel.cpp" line="+28" />
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
</context>
<context>
    <name>AddCow::PartitionsView</name>
    <message>
        <location filename="../widgets/partitionsview.cpp" line="+71" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Start</source>
        <translation>起始位置</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The partition's number, as Linux names it (sda1, sda5), and its colour on the map</source>
        <translation>分区编号（与 Linux 的命名一致，如 sda1、sda5）及其在簇图上的颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters of the partition that are in the image file (written), of all its clusters</source>
        <translation>该分区的簇中已在映像文件中（已写入）的数量，以及该分区的簇总数</translation>
    </message>
    <message>
        <location line="+81" />
        <location line="+188" />
        <source>Reading the partition table…</source>
        <translation>正在读取分区表…</translation>
    </message>
    <message>
        <location line="-177" />
        <source>The partition table cannot be read.</source>
        <translation>无法读取分区表。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No image open</source>
        <translation>未打开映像</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Partition %1, %2</source>
        <translation>分区 %1，%2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition GUID: %1</source>
        <translation>分区 GUID：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bootable</source>
        <translation>可启动</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attributes: 0x%1</source>
        <translation>属性：0x%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Byte %1 (0x%2), sector %3</source>
        <translation>字节 %1（0x%2），扇区 %3</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 bytes, %2 sectors of %3 bytes; ends before byte %4 (0x%5)</source>
        <translation>%1 字节，%2 个 %3 字节的扇区；在字节 %4（0x%5）之前结束</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The partition table has errors and is not used.</source>
        <translation>分区表有错误，未被使用。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No partition table on this disk</source>
        <translation>此磁盘上没有分区表</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The partition table lists no partitions</source>
        <translation>分区表中没有列出任何分区</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 of the partition's %2 clusters of 64 KiB are read from the image file (written since the image was created)</source>
        <translation>该分区的 %2 个 64 KiB 簇中有 %1 个从映像文件读取（自映像创建以来写入）</translation>
    </message>
    <message>
        <location line="+16" />
        <source>1 partition</source>
        <translation>1 个分区</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 partitions</source>
        <translation>%1 个分区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, %2-byte sectors, %3</source>
        <comment>scheme, sector size, partition count</comment>
        <translation>%1，%2 字节扇区，%3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>, read from the backup GPT</source>
        <translation>，读取自备份 GPT</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(reading again…)</source>
        <translation>（正在重新读取…）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Disk identifier: %1</source>
        <translation>磁盘标识符：%1</translation>
    </message>
    <message>
        <location line="+38" />
        <source>&amp;Select Clusters on the Map</source>
        <translation>在簇图上选择簇(&amp;S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show &amp;Start in the Hex Views</source>
        <translation>在十六进制视图中显示起始位置(&amp;S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Show Table &amp;Entry in the Hex Views</source>
        <translation>在十六进制视图中显示表项(&amp;E)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The %1 bytes of the partition table that describe this partition</source>
        <translation>分区表中描述此分区的 %1 个字节</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>AddCow::ProblemLabel</name>
    <message>
        <location filename="../app/problemlabel.cpp" line="+31" />
        <source>Rule R%1: %2</source>
        <translation>规则 R%1：%2</translation>
    </message>
</context>
<context>
    <name>AddCow::ReportDialog</name>
    <message>
        <location filename="../widgets/reportdialog.cpp" line="+27" />
        <location line="+27" />
        <source>Job Report</source>
        <translation>任务报告</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the report as plain text (.txt) or HTML (.html)</source>
        <translation>将报告保存为纯文本（.txt）或 HTML（.html）</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Report: %1</source>
        <translation>报告：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 of %2 (%3 bytes of %4)</source>
        <translation>%1 / %2（%3 / %4 字节）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1, %2/s</source>
        <translation>%1，%2/秒</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Processed</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+21" />
        <source>Job report</source>
        <translation>任务报告</translation>
    </message>
    <message>
        <location line="-17" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Messages:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Could not save the report to %1: %2</source>
        <translation>无法将报告保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+7" />
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
</context>
<context>
    <name>AddCow::ServeActions</name>
    <message>
        <location filename="../app/serveactions.cpp" line="+25" />
        <source>&amp;Serve to a Virtual Machine…</source>
        <translation>提供给虚拟机(&amp;S)…</translation>
    </message>
    <message>
        <location line="+41" />
        <source>No image is open.</source>
        <translation>没有打开的映像。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image is being opened.</source>
        <translation>正在打开映像。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image cannot be served: %1</source>
        <translation>无法提供该映像：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file cannot be read, so a virtual machine could not read its disk: %1</source>
        <translation>无法读取后备文件，因此虚拟机无法读取其磁盘：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>End the edit session first (Edit › Allow Editing): the server needs the image's write locks.</source>
        <translation>请先结束编辑会话（“编辑 › 允许编辑”）：服务器需要映像的写锁。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Wait for “%1” to finish.</source>
        <translation>请等待“%1”完成。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Show how to connect to the running server, or stop it</source>
        <translation>显示如何连接到正在运行的服务器，或停止服务器</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serve the virtual disk over NBD to QEMU or another NBD client</source>
        <translation>通过 NBD 将虚拟磁盘提供给 QEMU 或其他 NBD 客户端</translation>
    </message>
</context>
<context>
    <name>AddCow::ServeDialog</name>
    <message>
        <location filename="../app/servedialog.cpp" line="+47" />
        <source>&amp;Read-only: clients cannot write</source>
        <translation>只读(&amp;R)：客户端无法写入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Start Serving</source>
        <translation>开始提供服务(&amp;S)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>S&amp;top Serving</source>
        <translation>停止提供服务(&amp;T)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Serve to a Virtual Machine</source>
        <translation>提供给虚拟机</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;b&gt;Serve %1 over NBD&lt;/b&gt;, so that a virtual machine (QEMU, libvirt) or another NBD client uses its virtual disk, with nbdkit and the addcow plugin.&lt;br&gt;Writes are copy-on-write; a write is durable after the client's next flush. While it is served the image is locked: nothing else writes it, this window included, and its map follows the writes.</source>
        <translation>&lt;b&gt;通过 NBD 提供 %1&lt;/b&gt;，借助 nbdkit 和 addcow 插件，让虚拟机（QEMU、libvirt）或其他 NBD 客户端使用其虚拟磁盘。&lt;br&gt;写入采用写时复制；客户端下一次刷写（flush）之后，写入即持久化。提供服务期间映像处于锁定状态：其他任何程序（包括本窗口）都不能写入它，其簇图会随写入而更新。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Unix socket:</source>
        <translation>Unix 套接字(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>TCP &amp;port:</source>
        <translation>TCP 端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+11" />
        <source>127.0.0.1 (this computer only)</source>
        <translation>127.0.0.1（仅限本机）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>on &amp;address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+29" />
        <source>NBD URI:</source>
        <translation>NBD URI：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>QEMU:</source>
        <translation>QEMU：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>qemu-img:</source>
        <translation>qemu-img：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>nbdinfo:</source>
        <translation>nbdinfo：</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Closes the connections, flushes everything written and releases the locks</source>
        <translation>关闭连接，刷写所有已写入的数据并释放锁</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copies the line to the clipboard</source>
        <translation>将该行复制到剪贴板</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Serve %1 to a virtual machine</source>
        <translation>将 %1 提供给虚拟机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Connected clients are disconnected; everything they wrote is flushed to the image first.</source>
        <translation>已连接的客户端将被断开；它们写入的所有数据会先刷写到映像中。</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Stopping: closing the connections and flushing everything written…</source>
        <translation>正在停止：正在关闭连接并刷写所有已写入的数据…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Serving %1.&lt;/b&gt; Clients can connect now: start the virtual machine with the QEMU line, or use the NBD URI with any NBD client.</source>
        <translation>&lt;b&gt;正在提供 %1。&lt;/b&gt;客户端现在可以连接：使用 QEMU 命令行启动虚拟机，或在任意 NBD 客户端中使用 NBD URI。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Starting nbdkit for %1…</source>
        <translation>正在为 %1 启动 nbdkit…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;未能提供：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Stopped.&lt;/b&gt; Everything written is flushed and the locks are released.</source>
        <translation>&lt;b&gt;已停止。&lt;/b&gt;所有已写入的数据均已刷写，锁已释放。</translation>
    </message>
</context>
<context>
    <name>AddCow::SummaryStrip</name>
    <message>
        <location filename="../widgets/summarystrip.cpp" line="+57" />
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Clusters: %1 of %2 allocated (%3 %)</source>
        <translation>簇：%2 个中已分配 %1 个（%3%）</translation>
    </message>
    <message>
        <location line="+187" />
        <location line="+38" />
        <source>Virtual size: %1</source>
        <translation>虚拟大小：%1</translation>
    </message>
    <message>
        <location line="-47" />
        <source>ALL_ALLOCATED is set: every cluster is read from the image file.</source>
        <translation>已设置 ALL_ALLOCATED：每个簇都从映像文件读取。</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Clusters: %1, allocation unknown</source>
        <translation>簇：%1，分配情况未知</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Virtual size: unknown</source>
        <translation>虚拟大小：未知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clusters: unknown</source>
        <translation>簇：未知</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Only the header could be read; the image could not be opened.</source>
        <translation>只能读取文件头；无法打开映像。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No image</source>
        <translation>无映像</translation>
    </message>
    <message>
        <location line="+125" />
        <source>Backing file</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Image file</source>
        <translation>映像文件</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Copy Virtual &amp;Size in Bytes</source>
        <translation>复制虚拟大小（字节）(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Summary</source>
        <translation>复制摘要(&amp;S)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Copy .add-cow File &amp;Path</source>
        <translation>复制 .add-cow 文件路径(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Image File Path</source>
        <translation>复制映像文件路径(&amp;I)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy &amp;Backing File Path</source>
        <translation>复制后备文件路径(&amp;B)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open Containing &amp;Folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Backing file (%1)</source>
        <translation>后备文件（%1）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: none</source>
        <translation>%1：无</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1
Stored name: %2
Resolved path: %3</source>
        <translation>%1
存储的名称：%2
解析后的路径：%3</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 “%2” does not exist; it is not needed because ALL_ALLOCATED is set.</source>
        <translation>%1“%2”不存在；由于已设置 ALL_ALLOCATED，因此不需要它。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 “%2” does not exist.</source>
        <translation>%1“%2”不存在。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Format: %1; the disk it holds: %2</source>
        <translation>格式：%1；其所含的磁盘：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Backing chain, as QEMU reports it:</source>
        <translation>后备链（由 QEMU 报告）：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  %1 (%2)</source>
        <translation>  %1（%2）</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <location line="+4" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Clean</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (header only)</source>
        <translation>%1（仅文件头）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image could not be opened; only its header is shown.</source>
        <translation>无法打开映像；仅显示其文件头。</translation>
    </message>
</context>
<context>
    <name>AddCow::WhatIsAddCowDiagram</name>
    <message>
        <location filename="../app/whatisaddcowdiagram.cpp" line="+34" />
        <source>Backing file</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Image file (raw)</source>
        <translation>映像文件（raw）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bitmap (.add-cow)</source>
        <translation>位图（.add-cow）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Virtual disk</source>
        <translation>虚拟磁盘</translation>
    </message>
    <message>
        <location line="+29" />
        <source>add-cow diagram</source>
        <translation>add-cow 示意图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Each bit of the bitmap selects where a cluster of the virtual disk is read from: bit 1 reads the image file, bit 0 reads the backing file.</source>
        <translation>位图中的每一位决定虚拟磁盘的一个簇从哪里读取：位 1 读取映像文件，位 0 读取后备文件。</translation>
    </message>
</context>
<context>
    <name>AddCow::WhatIsAddCowDialog</name>
    <message>
        <location filename="../app/whatisaddcowdialog.cpp" line="+23" />
        <source>What is add-cow?</source>
        <translation>什么是 add-cow？</translation>
    </message>
    <message>
        <location line="+6" />
        <source>An add-cow image is a disk made of three files. The &lt;b&gt;backing file&lt;/b&gt; holds the original disk and is only read. The &lt;b&gt;image file&lt;/b&gt; is a plain raw file of the full disk size that receives every write. The small &lt;b&gt;.add-cow file&lt;/b&gt; holds a header naming the other two and a bitmap with one bit per 64 KiB cluster.</source>
        <translation>add-cow 映像是由三个文件组成的磁盘。&lt;b&gt;后备文件&lt;/b&gt;保存原始磁盘，只会被读取。&lt;b&gt;映像文件&lt;/b&gt;是一个与磁盘大小相同的普通 raw 文件，接收所有写入。小巧的 &lt;b&gt;.add-cow 文件&lt;/b&gt;包含一个指明另外两个文件的文件头，以及每个 64 KiB 簇占一位的位图。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A bit set to 1 means the cluster is read from the image file; 0 means it still comes from the backing file, or is zero past its end.</source>
        <translation>位为 1 表示该簇从映像文件读取；为 0 表示它仍来自后备文件，超出其末尾则为零。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Writing to a cluster whose bit is 0 first copies the rest of that cluster from the backing file into the image file, then sets the bit, so a crash never leaves a half-copied cluster.</source>
        <translation>写入位为 0 的簇时，先将该簇的其余部分从后备文件复制到映像文件，然后再设置该位，因此崩溃绝不会留下复制了一半的簇。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&lt;b&gt;Commit&lt;/b&gt; copies every remaining cluster into the image file. Afterwards the raw image file alone is the whole disk, and any tool can use it without the backing file.</source>
        <translation>&lt;b&gt;提交&lt;/b&gt;会将剩余的每个簇复制到映像文件中。之后仅 raw 映像文件就是整个磁盘，任何工具都可以在没有后备文件的情况下使用它。</translation>
    </message>
</context>
<context>
    <name>PartitionBands</name>
    <message>
        <location filename="../widgets/partitionbands.cpp" line="+33" />
        <source>%1 partition of type %2
Bytes %3 to %4 (%5)</source>
        <translation>%1 分区，类型为 %2
字节 %3 到 %4（%5）</translation>
    </message>
</context>
<context>
    <name>PartitionText</name>
    <message>
        <location filename="../widgets/partitiontext.cpp" line="+32" />
        <source>Bytes 510–511 hold 55 AA, but slot %1 has boot indicator %2 (only 0x00 and 0x80 are valid): this is a boot sector, not a partition table.</source>
        <translation>字节 510–511 为 55 AA，但槽位 %1 的引导标志为 %2（只有 0x00 和 0x80 有效）：这是引导扇区，而不是分区表。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Slots %1 and %2 are both extended partitions; an MBR has at most one.</source>
        <translation>槽位 %1 和 %2 都是扩展分区；MBR 最多只能有一个扩展分区。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extended boot record at byte %1 does not end in 55 AA.</source>
        <translation>位于字节 %1 的扩展引导记录不以 55 AA 结尾。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extended boot record at byte %1 links back to the one at byte %2: the chain loops.</source>
        <translation>位于字节 %1 的扩展引导记录又链接回位于字节 %2 的扩展引导记录：链出现了循环。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The chain of extended boot records is longer than %1.</source>
        <translation>扩展引导记录链的长度超过 %1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The extended boot record at byte %1 links to byte %2, outside the extended partition.</source>
        <translation>位于字节 %1 的扩展引导记录链接到字节 %2，超出了扩展分区。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Logical partition %1 reaches outside the extended partition.</source>
        <translation>逻辑分区 %1 超出了扩展分区的范围。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A GPT header is at LBA 1, but there is no protective MBR.</source>
        <translation>LBA 1 处有 GPT 标头，但没有保护性 MBR。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The protective MBR lists %1 other partitions too (a hybrid MBR); only the GPT is used.</source>
        <translation>保护性 MBR 还列出了 %1 个其他分区（混合 MBR）；仅使用 GPT。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is no GPT header (signature “EFI PART”) at byte %1.</source>
        <translation>字节 %1 处没有 GPT 标头（签名“EFI PART”）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header size %1 is not between 92 and the sector size %2.</source>
        <translation>标头大小 %1 不在 92 与扇区大小 %2 之间。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header's stored CRC32 is %1, but its bytes give %2.</source>
        <translation>标头中存储的 CRC32 为 %1，但根据其字节计算得到 %2。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header says it is at LBA %1, but it is at LBA %2.</source>
        <translation>标头声明其位于 LBA %1，但实际位于 LBA %2。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The entry size %1 is not 128 times a power of two up to %2.</source>
        <translation>表项大小 %1 不是 128 乘以 2 的幂（且不超过 %2）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 entries: more than the %2 this program reads.</source>
        <translation>%1 个表项：超过了本程序读取的上限 %2 个。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The first usable LBA %1 is past the last usable LBA %2.</source>
        <translation>第一个可用 LBA %1 位于最后一个可用 LBA %2 之后。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The entry array at LBA %1 (%2 bytes) overlaps the header or the usable area, or passes the disk's end.</source>
        <translation>位于 LBA %1 的表项数组（%2 字节）与标头或可用区域重叠，或超出了磁盘末尾。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The entry array's stored CRC32 is %1, but its bytes give %2.</source>
        <translation>表项数组中存储的 CRC32 为 %1，但根据其字节计算得到 %2。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The primary GPT is damaged; the backup at LBA %1 is used.</source>
        <translation>主 GPT 已损坏；改用位于 LBA %1 的备份。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup header is at LBA %1, not at the disk's last LBA %2 (the disk grew?).</source>
        <translation>备份标头位于 LBA %1，而不在磁盘的最后一个 LBA %2 处（磁盘变大了？）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backup GPT does not describe the same partitions as the primary.</source>
        <translation>备份 GPT 描述的分区与主 GPT 不同。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The last usable LBA %1 is past the disk's last LBA %2 (the disk shrank?).</source>
        <translation>最后一个可用 LBA %1 超出了磁盘的最后一个 LBA %2（磁盘变小了？）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 ends at LBA %2, before it starts at LBA %3.</source>
        <translation>分区 %1 结束于 LBA %2，早于其起始位置 LBA %3。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 is not inside the usable LBAs %2–%3.</source>
        <translation>分区 %1 不在可用 LBA 范围 %2–%3 内。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 covers the partition table at byte %2.</source>
        <translation>分区 %1 覆盖了位于字节 %2 的分区表。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partition %1 ends at byte %2, past the disk's end at byte %3.</source>
        <translation>分区 %1 结束于字节 %2，超出了位于字节 %3 的磁盘末尾。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Partitions %1 and %2 overlap.</source>
        <translation>分区 %1 和 %2 重叠。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No partition table</source>
        <translation>无分区表</translation>
    </message>
    <message>
        <location line="+2" />
        <source>MBR</source>
        <translation>MBR</translation>
    </message>
    <message>
        <location line="+2" />
        <source>GPT</source>
        <translation>GPT</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Primary</source>
        <translation>主分区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Extended</source>
        <translation>扩展分区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Logical</source>
        <translation>逻辑分区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>GPT entry</source>
        <translation>GPT 条目</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 (%2)</source>
        <comment>MBR type name (type byte)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2</source>
        <comment>partition number: name</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2</source>
        <comment>partition number: type</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>PartitionTypes</name>
    <message>
        <location filename="../core/partitiontypes.cpp" line="+20" />
        <source>FAT12</source>
        <translation>FAT12</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAT16 &lt;32M</source>
        <translation>FAT16 &lt;32M</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extended</source>
        <translation>扩展</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAT16</source>
        <translation>FAT16</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HPFS/NTFS/exFAT</source>
        <translation>HPFS/NTFS/exFAT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 FAT32</source>
        <translation>W95 FAT32</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 FAT32 (LBA)</source>
        <translation>W95 FAT32 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 FAT16 (LBA)</source>
        <translation>W95 FAT16 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>W95 Ext'd (LBA)</source>
        <translation>W95 扩展 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden FAT12</source>
        <translation>隐藏 FAT12</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compaq diagnostics</source>
        <translation>Compaq 诊断</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden FAT16 &lt;32M</source>
        <translation>隐藏 FAT16 &lt;32M</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden FAT16</source>
        <translation>隐藏 FAT16</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden HPFS/NTFS</source>
        <translation>隐藏 HPFS/NTFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden W95 FAT32</source>
        <translation>隐藏 W95 FAT32</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden W95 FAT32 (LBA)</source>
        <translation>隐藏 W95 FAT32 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden W95 FAT16 (LBA)</source>
        <translation>隐藏 W95 FAT16 (LBA)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden NTFS WinRE</source>
        <translation>隐藏 NTFS WinRE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan 9</source>
        <translation>Plan 9</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PPC PReP Boot</source>
        <translation>PPC PReP 启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SFS</source>
        <translation>SFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>GNU HURD or SysV</source>
        <translation>GNU HURD 或 SysV</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Old Minix</source>
        <translation>旧版 Minix</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minix / old Linux</source>
        <translation>Minix / 旧版 Linux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux swap / Solaris</source>
        <translation>Linux 交换分区 / Solaris</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OS/2 hidden or Intel hibernation</source>
        <translation>OS/2 隐藏或 Intel 休眠</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux extended</source>
        <translation>Linux 扩展</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>NTFS volume set</source>
        <translation>NTFS 卷集</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux plaintext</source>
        <translation>Linux 明文</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+50" />
        <source>Linux LVM</source>
        <translation>Linux LVM</translation>
    </message>
    <message>
        <location line="-49" />
        <source>BSD/OS</source>
        <translation>BSD/OS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD</source>
        <translation>FreeBSD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OpenBSD</source>
        <translation>OpenBSD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Darwin UFS</source>
        <translation>Darwin UFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NetBSD</source>
        <translation>NetBSD</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Darwin boot</source>
        <translation>Darwin 启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HFS / HFS+</source>
        <translation>HFS / HFS+</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solaris boot</source>
        <translation>Solaris 启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solaris</source>
        <translation>Solaris</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Non-FS data</source>
        <translation>非文件系统数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dell Utility</source>
        <translation>Dell 实用工具</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+42" />
        <source>Linux extended boot</source>
        <translation>Linux 扩展启动</translation>
    </message>
    <message>
        <location line="-41" />
        <source>BeOS fs</source>
        <translation>BeOS 文件系统</translation>
    </message>
    <message>
        <location line="+1" />
        <source>GPT</source>
        <translation>GPT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EFI (FAT-12/16/32)</source>
        <translation>EFI (FAT-12/16/32)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EBBR protective</source>
        <translation>EBBR 保护</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+46" />
        <source>VMware VMFS</source>
        <translation>VMware VMFS</translation>
    </message>
    <message>
        <location line="-45" />
        <source>VMware VMKCORE</source>
        <translation>VMware VMKCORE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux raid autodetect</source>
        <translation>Linux RAID 自动检测</translation>
    </message>
    <message>
        <location line="+10" />
        <source>EFI System</source>
        <translation>EFI 系统</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MBR partition scheme</source>
        <translation>MBR 分区方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>BIOS boot</source>
        <translation>BIOS 启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PowerPC PReP boot</source>
        <translation>PowerPC PReP 启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft reserved</source>
        <translation>Microsoft 保留</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft basic data</source>
        <translation>Microsoft 基本数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft LDM metadata</source>
        <translation>Microsoft LDM 元数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft LDM data</source>
        <translation>Microsoft LDM 数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Windows recovery environment</source>
        <translation>Windows 恢复环境</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microsoft Storage Spaces</source>
        <translation>Microsoft 存储空间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux swap</source>
        <translation>Linux 交换分区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux filesystem</source>
        <translation>Linux 文件系统</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux server data</source>
        <translation>Linux 服务器数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (x86)</source>
        <translation>Linux 根分区 (x86)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (x86-64)</source>
        <translation>Linux 根分区 (x86-64)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (ARM)</source>
        <translation>Linux 根分区 (ARM)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (ARM-64)</source>
        <translation>Linux 根分区 (ARM-64)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux root (RISC-V-64)</source>
        <translation>Linux 根分区 (RISC-V-64)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux reserved</source>
        <translation>Linux 保留</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux home</source>
        <translation>Linux 主目录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux RAID</source>
        <translation>Linux RAID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Linux variable data</source>
        <translation>Linux 可变数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux temporary data</source>
        <translation>Linux 临时数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linux /usr (x86-64)</source>
        <translation>Linux /usr (x86-64)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Apple HFS/HFS+</source>
        <translation>Apple HFS/HFS+</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apple APFS</source>
        <translation>Apple APFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD boot</source>
        <translation>FreeBSD 启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD data</source>
        <translation>FreeBSD 数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD swap</source>
        <translation>FreeBSD 交换分区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD UFS</source>
        <translation>FreeBSD UFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FreeBSD ZFS</source>
        <translation>FreeBSD ZFS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Solaris /usr &amp; Apple ZFS</source>
        <translation>Solaris /usr &amp; Apple ZFS</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../widgets/ruletext.cpp" line="+169" />
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 is not an add-cow image.</source>
        <translation>%1 不是 add-cow 映像。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 uses the later add-cow layout (“ACOW”, proposed in 2013 as V18-V20), which is incompatible with add-cow v1.</source>
        <translation>%1 使用较新的 add-cow 布局（“ACOW”，2013 年作为 V18-V20 提出），与 add-cow v1 不兼容。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 has an add-cow version this program does not support.</source>
        <translation>%1 的 add-cow 版本不受本程序支持。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The header of %1 is corrupt.</source>
        <translation>%1 的文件头已损坏。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 uses feature bits this program does not know.</source>
        <translation>%1 使用了本程序不认识的特性位。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 names a file format this program cannot read.</source>
        <translation>%1 指定了本程序无法读取的文件格式。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The bitmap of %1 is incomplete: bits are missing.</source>
        <translation>%1 的位图不完整：缺少位。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file, the image file and the .add-cow file are not three different files (%1).</source>
        <translation>后备文件、映像文件和 .add-cow 文件不是三个不同的文件（%1）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reading or writing %1 failed.</source>
        <translation>读取或写入 %1 失败。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The access goes past the end of the virtual disk.</source>
        <translation>访问超出了虚拟磁盘的末尾。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 already exists and would be overwritten.</source>
        <translation>%1 已存在，将被覆盖。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image file %1 is smaller than the backing file; the backing file's tail would be lost.</source>
        <translation>映像文件 %1 小于后备文件；后备文件的尾部将丢失。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is in use by another program.</source>
        <translation>%1 正被其他程序使用。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operation was cancelled.</source>
        <translation>操作已取消。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Invalid request.</source>
        <translation>无效的请求。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>QEMU cannot read the backing file %1.</source>
        <translation>QEMU 无法读取后备文件 %1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The NBD server for %1 could not start or stopped serving.</source>
        <translation>%1 的 NBD 服务器无法启动或已停止服务。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is open read-only; nothing was written.</source>
        <translation>%1 以只读方式打开；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>All integers are little-endian, and the header, 4096 × header pages size bytes, starts at offset 0.</source>
        <translation>所有整数均为小端序，文件头（4096 × 文件头页数 字节）从偏移 0 开始。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 0-7 must be the magic “ADD_COW\xff”; a file that starts with “ACOW” uses the later, incompatible 2013 layout.</source>
        <translation>字节 0-7 必须是魔数“ADD_COW\xff”；以“ACOW”开头的文件使用的是 2013 年较新的不兼容布局。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 8-11 hold the version, and 1 is the only supported version.</source>
        <translation>字节 8-11 保存版本号，仅支持版本 1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 44-47 hold the header pages size, which must be between 1 and 256 (writers write 1).</source>
        <translation>字节 44-47 保存文件头页数，必须在 1 到 256 之间（写入方写入 1）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A file name's offset is 0 exactly when its size is 0; a present name lies between byte 80 and the end of the header and contains no NUL byte.</source>
        <translation>文件名的偏移为 0 当且仅当其大小为 0；存在的名称位于字节 80 与文件头末尾之间，且不含 NUL 字节。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The image file name is required; the backing file name is optional.</source>
        <translation>映像文件名是必需的；后备文件名是可选的。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 28-35 hold the features: bit 0 is ALL_ALLOCATED, and any other bit means the image cannot be opened.</source>
        <translation>字节 28-35 保存特性：位 0 为 ALL_ALLOCATED，任何其他位都表示映像无法打开。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bytes 36-43 hold the optional features, which are written as 0 and ignored when reading.</source>
        <translation>字节 36-43 保存可选特性，写入时为 0，读取时忽略。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Formats are printable ASCII padded with zeros; the backing format is empty exactly when there is no backing file, and the image format must be “raw”. A raw backing file is read natively, any other backing format through QEMU, exactly as stored (never probed).</source>
        <translation>格式为以零填充的可打印 ASCII；当且仅当没有后备文件时后备格式为空，且映像格式必须为“raw”。raw 后备文件直接读取，其他任何后备格式都通过 QEMU 读取，并严格按存储的格式（从不探测）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Header bytes from 80 on that no file name covers must be 0.</source>
        <translation>文件头中从 80 开始、未被文件名覆盖的字节必须为 0。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The virtual size is the image file's size; each 64 KiB cluster has one bit in the bitmap, which starts after the header and is rounded up to a multiple of 65536 bytes.</source>
        <translation>虚拟大小即映像文件的大小；每个 64 KiB 簇在位图中占一位，位图从文件头之后开始，并向上取整为 65536 字节的倍数。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The .add-cow file must hold every bitmap byte, and bits for clusters past the virtual size must be 0.</source>
        <translation>.add-cow 文件必须包含位图的每个字节，超出虚拟大小的簇对应的位必须为 0。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A set bit means the cluster is read from the image file; a clear bit means it is read from the backing file, or is zero past its end.</source>
        <translation>位为 1 表示从映像文件读取该簇；位为 0 表示从后备文件读取，超出其末尾则为零。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>With ALL_ALLOCATED set, every cluster is read from the image file and the bitmap and backing file are not used.</source>
        <translation>设置 ALL_ALLOCATED 后，每个簇都从映像文件读取，不使用位图和后备文件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The virtual disk ends at the virtual size; reads and writes past the end are errors.</source>
        <translation>虚拟磁盘在虚拟大小处结束；超出末尾的读写均为错误。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Relative file names are resolved against the folder that holds the .add-cow file, never the current folder.</source>
        <translation>相对文件名相对于 .add-cow 文件所在的文件夹解析，而不是当前文件夹。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The backing file, the image file and the .add-cow file must be three different files.</source>
        <translation>后备文件、映像文件和 .add-cow 文件必须是三个不同的文件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A write first copies the rest of each unallocated cluster from the backing file, makes the data durable, then sets the bitmap bits.</source>
        <translation>写入时先从后备文件复制每个未分配簇的其余部分，使数据持久化，然后再设置位图位。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Commit copies every unallocated cluster into the image file in resumable batches, then sets ALL_ALLOCATED.</source>
        <translation>提交以可续传的批次将每个未分配的簇复制到映像文件中，然后设置 ALL_ALLOCATED。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Create writes a new header and a zeroed bitmap to a temporary file and renames it into place, never overwriting or shrinking existing files.</source>
        <translation>创建时将新的文件头和清零的位图写入临时文件，再重命名到位，绝不覆盖或缩小现有文件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rule R%1 of the add-cow format decisions.</source>
        <translation>add-cow 格式决定中的规则 R%1。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>magic</source>
        <translation>魔数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file name offset</source>
        <translation>后备文件名偏移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file name size</source>
        <translation>后备文件名大小</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file name offset</source>
        <translation>映像文件名偏移</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file name size</source>
        <translation>映像文件名大小</translation>
    </message>
    <message>
        <location line="+2" />
        <source>features</source>
        <translation>特性</translation>
    </message>
    <message>
        <location line="+2" />
        <source>optional features</source>
        <translation>可选特性</translation>
    </message>
    <message>
        <location line="+2" />
        <source>header pages size</source>
        <translation>文件头页数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file format</source>
        <translation>后备文件格式</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file format</source>
        <translation>映像文件格式</translation>
    </message>
    <message>
        <location line="+2" />
        <source>name area</source>
        <translation>名称区域</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file name</source>
        <translation>后备文件名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file name</source>
        <translation>映像文件名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>COW bitmap</source>
        <translation>COW 位图</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file</source>
        <translation>后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>image file</source>
        <translation>映像文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>.add-cow file</source>
        <translation>.add-cow 文件</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Field: %1.</source>
        <translation>字段：%1。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>System error: %1.</source>
        <translation>系统错误：%1。</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+5" />
        <source>Details: %1.</source>
        <translation>详情：%1。</translation>
    </message>
    <message>
        <location line="-324" />
        <source>the file ends after %1 bytes, before the end of the %2-byte header</source>
        <translation>文件在 %1 字节处结束，未到达 %2 字节文件头的末尾</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not an add-cow image: the magic is not "ADD_COW\xff"</source>
        <translation>不是 add-cow 映像：魔数不是 "ADD_COW\xff"</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the file starts with "ACOW": this is the later add-cow layout (2013 proposal V18-V20), which is incompatible with add-cow v1</source>
        <translation>文件以 "ACOW" 开头：这是较新的 add-cow 布局（2013 年提案 V18-V20），与 add-cow v1 不兼容</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported add-cow version %1</source>
        <translation>不支持的 add-cow 版本 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>header pages size %1 is outside 1-%2</source>
        <translation>文件头页数 %1 超出了 1-%2 的范围</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 offset is 0 but its size is %2; offset 0 means no name, so the size must be 0</source>
        <translation>%1的偏移为 0，但其大小为 %2；偏移 0 表示没有名称，因此大小必须为 0</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 size is 0 but its offset is %2; a present name must be at least 1 byte</source>
        <translation>%1的大小为 0，但其偏移为 %2；存在的名称至少须有 1 个字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>offset %1 is below 80: the name would overlap the fixed header fields</source>
        <translation>偏移 %1 小于 80：名称将与固定的文件头字段重叠</translation>
    </message>
    <message>
        <location line="+2" />
        <source>offset %1 is above HEADER_SIZE - 2 (%2)</source>
        <translation>偏移 %1 大于 HEADER_SIZE - 2（%2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>size %1 is not less than HEADER_SIZE - 80 (%2)</source>
        <translation>大小 %1 不小于 HEADER_SIZE - 80（%2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 runs past the end of the header: offset %2 + size %3 = %4 &gt; HEADER_SIZE (%5)</source>
        <translation>%1超出了文件头的末尾：偏移 %2 + 大小 %3 = %4 &gt; HEADER_SIZE（%5）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 contains a NUL byte at offset %2</source>
        <translation>%1在偏移 %2 处包含 NUL 字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file name (bytes %1-%2) and the image file name (bytes %3-%4) overlap</source>
        <translation>后备文件名（字节 %1-%2）与映像文件名（字节 %3-%4）重叠</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the file names are %1 bytes together, at most %2 fit in the header</source>
        <translation>文件名合计 %1 字节，而文件头最多只能容纳 %2 字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 must not contain a NUL byte</source>
        <translation>%1不得包含 NUL 字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file name is missing; it is required</source>
        <translation>缺少映像文件名；映像文件名是必需的</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported feature bits %1</source>
        <translation>不支持的特性位 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>optional features %1 are not 0 (ignored when reading)</source>
        <translation>可选特性 %1 不为 0（读取时忽略）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 holds byte %2 at offset %3, outside 0x21-0x7e</source>
        <translation>%1在偏移 %3 处含有字节 %2，超出了 0x21-0x7e 的范围</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the %1 has non-zero bytes after its terminating NUL</source>
        <translation>%1在其终止 NUL 之后还有非零字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file format is empty but a backing file is named</source>
        <translation>后备文件格式为空，但指定了后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file format is %1 but no backing file is named</source>
        <translation>后备文件格式为 %1，但未指定后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported backing format %1</source>
        <translation>不支持的后备格式 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file format is empty</source>
        <translation>映像文件格式为空</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unsupported image format %1</source>
        <translation>不支持的映像格式 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing format %1 is not 1-16 printable ASCII characters</source>
        <translation>后备格式 %1 不是 1-16 个可打印 ASCII 字符</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file's bytes look like %1, but the header says raw: they are read as raw bytes, exactly as stored; if the guest should see the disk they hold, store %1 (addcow rebase -u -F %1)</source>
        <translation>后备文件的字节看起来是 %1 格式，但文件头声明为 raw：这些字节按 raw 原样读取，与存储的内容完全一致；如果客户机应看到其中保存的磁盘，请将后备格式存储为 %1（addcow rebase -u -F %1）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>unsupported backing format %1 (QEMU: %2)</source>
        <translation>不支持的后备格式 %1（QEMU：%2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is an encrypted %2 image; encrypted backing files are not supported</source>
        <translation>%1 是加密的 %2 映像；不支持加密的后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>QEMU cannot read it: %1</source>
        <translation>QEMU 无法读取它：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>QEMU cannot read it as %1: %2</source>
        <translation>QEMU 无法将其作为 %1 读取：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is not installed; it reads backing files in formats other than raw through QEMU's block layer. Install the Debian package %2</source>
        <translation>%1 未安装；它用于通过 QEMU 的块层读取 raw 以外格式的后备文件。请安装 Debian 软件包 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 non-zero byte(s) at offset %2 that no file name covers</source>
        <translation>偏移 %2 处有 %1 个非零字节未被任何文件名覆盖</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 more run(s) of non-zero bytes (%2 bytes) that no file name covers</source>
        <translation>另有 %1 段非零字节（%2 字节）未被任何文件名覆盖</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the .add-cow file is %1 bytes, longer than the %2 bytes the %3-byte image file needs: the image file's size changed since creation (its bitmap region of %4 bytes implies a virtual size of %5 to %6 bytes, the image file is now %3 bytes)</source>
        <translation>.add-cow 文件为 %1 字节，超过了 %3 字节的映像文件所需的 %2 字节：映像文件的大小自创建以来已发生变化（其 %4 字节的位图区域对应 %5 到 %6 字节的虚拟大小，而映像文件现在为 %3 字节）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the backing disk is %1 bytes, larger than the %2-byte virtual size: its last %3 bytes are not visible</source>
        <translation>后备磁盘为 %1 字节，大于 %2 字节的虚拟大小：其最后 %3 字节不可见</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file %1 is empty: the virtual disk has no bytes, so every read and write is past its end</source>
        <translation>映像文件 %1 为空：虚拟磁盘没有任何字节，因此每次读写都会超出其末尾</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the .add-cow file is %1 bytes, but the %2-byte image file needs %3 (%4 bitmap bytes for %5 clusters): bits are missing</source>
        <translation>.add-cow 文件为 %1 字节，但 %2 字节的映像文件需要 %3 字节（%5 个簇需要 %4 字节的位图）：缺少位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the .add-cow file is %1 bytes, shorter than the %2 bytes of header and rounded bitmap region; no bits are missing</source>
        <translation>.add-cow 文件为 %1 字节，短于文件头与取整后位图区域合计的 %2 字节；但并未缺少任何位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>bits are set for clusters past the last one (%1), up to cluster %2: the image file's size changed since creation (the bits imply a virtual size of at least %3 bytes, the image file is now %4 bytes)</source>
        <translation>最后一个簇（%1）之后直到簇 %2 的簇被设置了位：映像文件的大小自创建以来已发生变化（这些位意味着虚拟大小至少为 %3 字节，而映像文件现在为 %4 字节）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file ends at byte %1 while its bitmap was being read up to byte %2: it shrank meanwhile</source>
        <translation>在读取位图直到字节 %2 的过程中，文件在字节 %1 处就已结束：文件在此期间变小了</translation>
    </message>
    <message>
        <location line="+2" />
        <source>backing file %1 (resolved to %2) does not exist; not needed, ALL_ALLOCATED is set</source>
        <translation>后备文件 %1（解析为 %2）不存在；由于已设置 ALL_ALLOCATED，并不需要该文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ALL_ALLOCATED is set while %1 of %2 clusters have bit 0; that is fine, the bitmap is not consulted</source>
        <translation>已设置 ALL_ALLOCATED，而 %2 个簇中有 %1 个的位为 0；这没有问题，因为不会参考位图</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) does not exist</source>
        <translation>%1 %2（解析为 %3）不存在</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) cannot be opened: %4</source>
        <translation>%1 %2（解析为 %3）无法打开：%4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 cannot be made: the folder %3 does not exist</source>
        <translation>无法创建%1 %2：文件夹 %3 不存在</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 cannot be made in the folder %3: %4</source>
        <translation>无法在文件夹 %3 中创建%1 %2：%4</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) is a directory, not a regular file</source>
        <translation>%1 %2（解析为 %3）是目录，而不是普通文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) is a device or special file, not a regular file</source>
        <translation>%1 %2（解析为 %3）是设备或特殊文件，而不是普通文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 (resolved to %3) is a block device; refusing to open it for writing</source>
        <translation>%1 %2（解析为 %3）是块设备；拒绝以写入方式打开它</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file %1 is the .add-cow file itself</source>
        <translation>映像文件 %1 就是 .add-cow 文件本身</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file %1 is the .add-cow file itself</source>
        <translation>后备文件 %1 就是 .add-cow 文件本身</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the backing file %1 and the image file %2 are the same file</source>
        <translation>后备文件 %1 与映像文件 %2 是同一个文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 already exists</source>
        <translation>%1 已存在</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file exists with %1 bytes; it is never resized, so a size of %2 bytes cannot be used</source>
        <translation>映像文件已存在，大小为 %1 字节；它的大小从不调整，因此无法使用 %2 字节的大小</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file has %1 bytes, the backing file %2: the backing file's last %3 bytes would be lost</source>
        <translation>映像文件为 %1 字节，后备文件为 %2 字节：后备文件的最后 %3 字节将丢失</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the image file does not exist: give a size or a backing file</source>
        <translation>映像文件不存在：请指定大小或后备文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit is not installed (not found on PATH); install the package '%1' (Debian: apt install %1)</source>
        <translation>nbdkit 未安装（在 PATH 中找不到）；请安装软件包“%1”（Debian：apt install %1）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the nbdkit addcow plugin is not installed: neither %1 nor %2 exists</source>
        <translation>nbdkit addcow 插件未安装：%1 和 %2 均不存在</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cannot load %1, which reads non-raw backing files over NBD (%2); install the Debian package %3</source>
        <translation>无法加载 %1（%2），它用于通过 NBD 读取非 raw 格式的后备文件；请安装 Debian 软件包 %3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 lacks %2: libnbd 1.14 or later is needed</source>
        <translation>%1 缺少 %2：需要 libnbd 1.14 或更高版本</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit stopped before it was ready (%1): %2</source>
        <translation>nbdkit 在就绪之前就已停止（%1）：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit was not ready after %1 seconds</source>
        <translation>nbdkit 在 %1 秒后仍未就绪</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit stopped by itself (%1): %2</source>
        <translation>nbdkit 自行停止了（%1）：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>nbdkit did not stop cleanly (%1); writes after the last flush may be lost: %2</source>
        <translation>nbdkit 未能正常停止（%1）；最后一次刷写之后的写入可能已丢失：%2</translation>
    </message>
    <message>
        <location line="+196" />
        <source>Rule R%1: %2</source>
        <translation>规则 R%1：%2</translation>
    </message>
</context>
<context>
    <name>UnitText</name>
    <message>
        <location filename="../widgets/unittext.cpp" line="+17" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <location line="+6" />
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+89" />
        <source>Inspect, check and edit add-cow disk images.</source>
        <translation>检查、校验和编辑 add-cow 磁盘映像。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The .add-cow file to open.</source>
        <translation>要打开的 .add-cow 文件。</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Show the program in LANGUAGE (for example de or zh_CN) instead of the system's language.</source>
        <translation>以 LANGUAGE 指定的语言（例如 de 或 zh_CN）而非系统语言显示程序。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LANGUAGE</source>
        <translation>LANGUAGE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use a dark colour scheme (the Fusion style with a dark palette).</source>
        <translation>使用深色配色方案（Fusion 样式加深色调色板）。</translation>
    </message>
</context>
</TS>

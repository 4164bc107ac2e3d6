using System.Text;

namespace Disclosure.Media.Tables;

/// <summary>
/// A workbook's shared strings (every distinct text of the sheet, which for a 100,000-row 双公示 file is most of
/// its data) written to a temporary file as they are read, with only their offsets kept in memory (8 bytes each).
/// Cells refer to them by index in any order, so they must stay reachable; this keeps them off the heap.
/// </summary>
internal sealed class SharedStringSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly List<long> _offsets = [];
    private byte[] _buffer = new byte[256];

    public SharedStringSpill()
    {
        var path = Path.Combine(Path.GetTempPath(), "disclosure-sst-" + Guid.NewGuid().ToString("n"));
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
    }

    public int Count => _offsets.Count;

    public void Add(string text)
    {
        _file.Seek(0, SeekOrigin.End);
        _offsets.Add(_file.Position);
        var bytes = Encoding.UTF8.GetBytes(text);
        _file.Write(bytes);
    }

    public string? this[int index]
    {
        get
        {
            if (index < 0 || index >= _offsets.Count)
            {
                return null;
            }

            var start = _offsets[index];
            var end = index + 1 < _offsets.Count ? _offsets[index + 1] : _file.Length;
            var length = (int)(end - start);
            if (_buffer.Length < length)
            {
                _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
            }

            _file.Seek(start, SeekOrigin.Begin);
            _file.ReadExactly(_buffer, 0, length);
            return Encoding.UTF8.GetString(_buffer, 0, length);
        }
    }

    public void Dispose() => _file.Dispose();
}

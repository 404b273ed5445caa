using System.Text;

namespace Wenming.Web.Modules.Fund.Domain;

/// <summary>
/// An amount in Chinese capital numerals (大写金额) as printed on receipts and certificates: 1000.00 元 → 壹仟元整,
/// 1005.05 元 → 壹仟零伍元零伍分. Groups of four digits (元, 万, 亿); one 零 stands for any run of zeros between
/// non-zero digits; 整 ends an amount without 分.
/// </summary>
public static class ChineseAmount
{
    private static readonly string[] Digits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
    private static readonly string[] Small = ["", "拾", "佰", "仟"];
    private static readonly string[] Big = ["", "万", "亿", "万亿"];

    public static string Capital(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        var text = new StringBuilder();
        if (yuan > 0)
        {
            text.Append(Integer(yuan)).Append('元');
        }

        if (jiao == 0 && cents == 0)
        {
            return (yuan == 0 ? "零元" : text.ToString()) + "整";
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            // 壹元零伍分: the missing 角 is read as 零.
            text.Append('零');
        }

        if (cents > 0)
        {
            text.Append(Digits[cents]).Append('分');
        }
        else
        {
            text.Append('整');
        }

        return text.ToString();
    }

    private static string Integer(long value)
    {
        var groups = new List<int>();
        for (var v = value; v > 0; v /= 10_000)
        {
            groups.Add((int)(v % 10_000));
        }

        var text = new StringBuilder();
        var zeroPending = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var group = groups[g];
            if (group == 0)
            {
                zeroPending = text.Length > 0;
                continue;
            }

            // A group below 1000 after a higher one starts with a zero (壹万零伍佰), as does one after an empty group.
            if (text.Length > 0 && (zeroPending || group < 1000))
            {
                text.Append('零');
            }

            text.Append(Group(group)).Append(Big[g]);
            zeroPending = false;
        }

        return text.ToString();
    }

    private static string Group(int value)
    {
        var text = new StringBuilder();
        var started = false;
        var zero = false;
        for (var i = 3; i >= 0; i--)
        {
            var digit = value / (int)Math.Pow(10, i) % 10;
            if (digit == 0)
            {
                zero = started;
                continue;
            }

            if (zero)
            {
                text.Append('零');
            }

            text.Append(Digits[digit]).Append(Small[i]);
            started = true;
            zero = false;
        }

        return text.ToString();
    }
}

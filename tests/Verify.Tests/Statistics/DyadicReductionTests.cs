using Degeneracy.Verify.Statistics;
using Degeneracy.TestSupport.Properties;
using FsCheck.Fluent;

namespace Degeneracy.Verify.Tests.Statistics;

public class DyadicReductionTests
{
    // A non-associative "combine" that records the tree shape, so equal strings mean equal bracketing.
    private static string Combine(string a, string b) => b.Length == 0 ? a : a.Length == 0 ? b : $"({a} {b})";

    private static string Whole(long totalBlocks)
    {
        var leaves = new Dictionary<DyadicNode, string>();
        for (long b = 0; b < totalBlocks; b++) leaves[new DyadicNode(0, b)] = b.ToString();
        return DyadicReduction.Reduce(DyadicReduction.Root(totalBlocks), totalBlocks, leaves, Combine, "");
    }

    [Fact]
    public void Reduce_OverAnyContiguousPartition_GivesTheSameTreeAsOnePass() =>
        PropertyCheck.Run(Prop.ForAll<int, int[]>(PartitionedReductionEqualsOnePass), 300);

    private static bool PartitionedReductionEqualsOnePass(int blocksSeed, int[] cutsSeed)
    {
        long total = 1 + Math.Abs((long)blocksSeed % 200);
        var cuts = (cutsSeed ?? []).Select(c => Math.Abs((long)c) % (total + 1)).Append(0).Append(total).Distinct().Order().ToList();
        var known = new Dictionary<DyadicNode, string>();
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            var leaves = new Dictionary<DyadicNode, string>();
            for (long b = cuts[i]; b < cuts[i + 1]; b++) leaves[new DyadicNode(0, b)] = b.ToString();
            foreach (var node in DyadicReduction.Decompose(cuts[i], cuts[i + 1], total))
                known[node] = DyadicReduction.Reduce(node, total, leaves, Combine, "");
        }
        return DyadicReduction.Reduce(DyadicReduction.Root(total), total, known, Combine, "") == Whole(total);
    }

    [Fact]
    public void Decompose_WholeRange_IsTheRoot()
    {
        Assert.Equal([new DyadicNode(3, 0)], DyadicReduction.Decompose(0, 5, 5));
        Assert.Equal([new DyadicNode(0, 0)], DyadicReduction.Decompose(0, 1, 1));
    }

    [Fact]
    public void Decompose_InteriorRange_GivesMaximalAlignedNodes()
    {
        Assert.Equal([new DyadicNode(0, 1), new DyadicNode(1, 1), new DyadicNode(0, 4)], DyadicReduction.Decompose(1, 5, 8));
    }

    [Fact]
    public void Reduce_MissingBlock_Throws()
    {
        var known = new Dictionary<DyadicNode, string> { [new DyadicNode(0, 0)] = "0" };
        Assert.Throws<ArgumentException>(() => DyadicReduction.Reduce(DyadicReduction.Root(2), 2, known, Combine, ""));
    }
}

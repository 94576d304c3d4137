import sys,random
f=sys.argv[1]; L=open(f).read().splitlines()
head=L[:2]; items=[l for l in L[2:] if l.strip()]
random.Random(f).shuffle(items)
open(f,'w').write('\n'.join(head+items)+'\n')

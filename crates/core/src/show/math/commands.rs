//! The LaTeX commands the parser knows, as one table: what each is and what it stands for.

/// Whether `\name` only sizes or spaces what the browser lays out anyway (`\big`, `\limits`,
/// `\!`, a negative thin space that only kerns).
pub(super) fn ignored(name: &str) -> bool {
    matches!(
        name,
        "!" | "limits" | "nolimits" | "displaystyle" | "textstyle"
    ) || matches!(
        name.trim_end_matches(['l', 'r', 'm']),
        "big" | "Big" | "bigg" | "Bigg"
    )
}

/// What `\name` is, from [`COMMANDS`]: its kind and its value (the name itself when the line
/// gives none).
pub(super) fn lookup(name: &str) -> Option<(char, &'static str)> {
    let mut key = String::with_capacity(name.len() + 2);
    key.push('\n');
    key.push_str(name);
    key.push('=');
    let start = memchr::memmem::find(COMMANDS.as_bytes(), key.as_bytes())? + key.len();
    let line = &COMMANDS[start..];
    let mut rest = line[..line.find('\n')?].chars();
    let kind = rest.next()?;
    let value = rest.as_str();
    Some((
        kind,
        if value.is_empty() {
            &COMMANDS[start - 1 - name.len()..start - 1]
        } else {
            value
        },
    ))
}

/// The commands known besides `\frac`, `\sqrt` and `\left…\right`, one a line as `name=`, a
/// kind and a value. Kinds: `i` identifier, `u` upright identifier, `o` operator, `f` bracket
/// (see [`MathNode::Fixed`]), `n` function name, `s` space of the given width, `a` accent and `w`
/// wide accent (with the character set over the argument), `m` font command taking an argument,
/// `k` font switch, `t` text command; for the last three the value is a font code (see
/// [`super::parse::Font::from_code`]). One string rather than a table of structs, which is much smaller in the
/// site's WebAssembly; it starts with a line break, so that every line is found as
/// "\nname=".
pub(super) const COMMANDS: &str = "\n\
alpha=iα
beta=iβ
gamma=iγ
delta=iδ
epsilon=iϵ
eps=iϵ
varepsilon=iε
zeta=iζ
eta=iη
theta=iθ
vartheta=iϑ
iota=iι
kappa=iκ
varkappa=iϰ
lambda=iλ
mu=iμ
nu=iν
xi=iξ
omicron=iο
pi=iπ
varpi=iϖ
rho=iρ
varrho=iϱ
sigma=iσ
varsigma=iς
tau=iτ
upsilon=iυ
phi=iϕ
varphi=iφ
chi=iχ
psi=iψ
omega=iω
Gamma=uΓ
Delta=uΔ
Theta=uΘ
Lambda=uΛ
Xi=uΞ
Pi=uΠ
Sigma=uΣ
Upsilon=uΥ
Phi=uΦ
Psi=uΨ
Omega=uΩ
ell=iℓ
infty=i∞
partial=i∂
nabla=i∇
emptyset=i∅
varnothing=i∅
aleph=iℵ
hbar=iℏ
imath=iı
jmath=iȷ
Re=iℜ
Im=iℑ
top=i⊤
bot=i⊥
angle=i∠
triangle=i△
R=iℝ
le=o≤
leq=o≤
ge=o≥
geq=o≥
neq=o≠
ne=o≠
ll=o≪
gg=o≫
lesssim=o≲
gtrsim=o≳
approx=o≈
sim=o∼
simeq=o≃
cong=o≅
equiv=o≡
asymp=o≍
propto=o∝
in=o∈
notin=o∉
ni=o∋
subset=o⊂
subseteq=o⊆
supset=o⊃
supseteq=o⊇
cup=o∪
cap=o∩
setminus=o∖
to=o→
rightarrow=o→
leftarrow=o←
gets=o←
leftrightarrow=o↔
Rightarrow=o⇒
Leftarrow=o⇐
Leftrightarrow=o⇔
implies=o⟹
iff=o⟺
mapsto=o↦
cdot=o⋅
times=o×
div=o÷
pm=o±
mp=o∓
ast=o∗
star=o⋆
circ=o∘
oplus=o⊕
otimes=o⊗
odot=o⊙
wedge=o∧
land=o∧
vee=o∨
lor=o∨
neg=o¬
lnot=o¬
forall=o∀
exists=o∃
mid=o∣
perp=o⊥
parallel=o∥
colon=o:
sum=o∑
prod=o∏
coprod=o∐
int=o∫
oint=o∮
bigcup=o⋃
bigcap=o⋂
ldots=o…
dots=o…
cdots=o⋯
vdots=o⋮
ddots=o⋱
prime=o′
%=o
&=o
#=o
_=o
$=o
{=f
}=f
|=f‖
lbrace=f{
rbrace=f}
langle=f⟨
rangle=f⟩
lVert=f‖
rVert=f‖
Vert=f‖
lvert=f|
rvert=f|
vert=f|
lfloor=f⌊
rfloor=f⌋
lceil=f⌈
rceil=f⌉
arccos=n
arcsin=n
arctan=n
arg=n
cos=n
cosh=n
cot=n
coth=n
csc=n
deg=n
det=n
dim=n
exp=n
gcd=n
hom=n
inf=n
ker=n
lg=n
lim=n
liminf=n
limsup=n
ln=n
log=n
max=n
min=n
Pr=n
sec=n
sin=n
sinh=n
sup=n
tan=n
tanh=n
poly=n
polylog=n
argmin=narg min
argmax=narg max
,=s0.1667em
:=s0.2222em
>=s0.2222em
;=s0.2778em
 =s0.3333em
quad=s1em
qquad=s2em
hat=a^
widehat=w^
tilde=a~
widetilde=w~
bar=a¯
overline=w‾
vec=a→
dot=a˙
ddot=a¨
check=aˇ
breve=a˘
acute=a´
grave=a`
mathrm=mr
operatorname=mr
mathit=mi
mathbf=mb
bm=mB
boldsymbol=mB
mathcal=mc
mathscr=mc
mathfrak=mk
mathbb=md
mathsf=ms
mathtt=mt
rm=kr
it=ki
bf=kb
cal=kc
sf=ks
tt=kt
text=tn
textrm=tn
mbox=tn
textit=ti
textbf=tb
textsf=ts
texttt=tt
";

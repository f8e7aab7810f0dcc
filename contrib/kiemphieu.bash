# bash completion for kiemphieu: commands, their options, and the values
# of --format, --encoding and --delimiter; folders and files otherwise.
_kiemphieu()
{
	local cur prev cmd common
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=${COMP_WORDS[1]}
	common="--encoding --delimiter --surplus-min --surplus-max --max-errors --jobs --lang --diagnostics --help"
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "new check tally progress minutes sheet compare verify --help --version --lang" -- "$cur"))
		return
	fi
	case $prev in
	--format)
		case $cmd in
		new|sheet) COMPREPLY=($(compgen -W "xlsx tsv" -- "$cur")) ;;
		tally) COMPREPLY=($(compgen -W "text json csv xlsx" -- "$cur")) ;;
		progress) COMPREPLY=($(compgen -W "text json csv html pdf xlsx" -- "$cur")) ;;
		minutes) COMPREPLY=($(compgen -W "html pdf" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
		esac
		return ;;
	--encoding)
		COMPREPLY=($(compgen -W "auto utf-8 utf-16le utf-16be windows-1258" -- "$cur")); return ;;
	--delimiter)
		COMPREPLY=($(compgen -W ", ; tab" -- "$cur")); return ;;
	--lang)
		COMPREPLY=($(compgen -W "vi en" -- "$cur")); return ;;
	--diagnostics)
		COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
	--out)
		COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-o|--output)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--contest|--parent|--as-of|--young-under|--surplus-min|--surplus-max|--max-errors|-j|--jobs)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		case $cmd in
		new) COMPREPLY=($(compgen -W "--format $common" -- "$cur")) ;;
		compare) COMPREPLY=($(compgen -W "$common" -- "$cur")) ;;
		verify) COMPREPLY=($(compgen -W "--typed $common" -- "$cur")) ;;
		check) COMPREPLY=($(compgen -W "--format $common" -- "$cur")) ;;
		minutes) COMPREPLY=($(compgen -W "--contest --report --format --output $common" -- "$cur")) ;;
		sheet) COMPREPLY=($(compgen -W "--contest --format --out $common" -- "$cur")) ;;
		tally) COMPREPLY=($(compgen -W "--contest --format --out --output --excel $common" -- "$cur")) ;;
		progress) COMPREPLY=($(compgen -W "--pilot --parent --level --as-of --format --output --young-under --age-bands --target --require-complete --excel $common" -- "$cur")) ;;
		esac
		return
	fi
	case $cmd in
	compare|verify) COMPREPLY=($(compgen -f -- "$cur")) ;;
	*) COMPREPLY=($(compgen -d -- "$cur")) ;;
	esac
}
complete -F _kiemphieu kiemphieu

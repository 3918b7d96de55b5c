import ReplyLint
print("replylint")
